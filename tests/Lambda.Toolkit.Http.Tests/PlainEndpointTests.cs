using System.Globalization;
using static Lambda.Toolkit.Http.Tests.HttpEvents;

namespace Lambda.Toolkit.Http.Tests;

/// <summary>Endpoints as plain C#: synchronous handlers, one parameter order, typed route and query values, 415.</summary>
public class PlainEndpointTests
{
    private static readonly Dictionary<string, string> Json = new() { ["Content-Type"] = "application/json" };

    private static void Endpoints(HttpRouteGroup api)
    {
        api.MapGet("/sync/{name}", request => HttpResult.Text("hello " + request.RouteValue("name")));
        api.MapGet<Counter>("/sync-counter", (request, counter) => HttpResult.Text($"{request.Path} {counter.Value}"));
        api.MapPost<Item, Counter>("/sync-items", HttpTestJson.Default.Item, (request, item, counter) =>
        {
            counter.Value++;
            return HttpResult.Text($"{request.Method} {item.Name} {counter.Value}");
        });
        api.MapBody("PUT", "/sync-body", HttpTestJson.Default.Item, (request, item) => HttpResult.Text($"{request.Method} {item.Id}"));
        api.MapBody<Item>("PATCH", "/async-body", HttpTestJson.Default.Item, (request, item, ct) => ValueTask.FromResult(HttpResult.Text($"{request.Method} {item.Id} {ct.CanBeCanceled}")));
        api.Map<Counter, Counter>("GET", "/two-services", (request, first, second) => HttpResult.Text($"{ReferenceEquals(first, second)}"));
        api.MapGet("/typed/{id}", request => HttpResult.Text($"{request.RouteValue<int>("id") + 1}"));
        api.MapGet("/typed-guid/{id}", request => HttpResult.Text(request.RouteValue<Guid>("id").ToString("N")));
        api.MapGet("/optional/{slug?}", request => HttpResult.Text(request.RouteValue<int>("slug").ToString(CultureInfo.InvariantCulture)));
        api.MapGet("/paged", request => HttpResult.Text($"{request.Query("page", 1)} {request.Query<int>("pageSize")} {request.Query("ratio", 0.5).ToString(CultureInfo.InvariantCulture)}"));
    }

    private static async Task<Response> Send(HttpPayloadFormat format, string method, string path, string? body = null, Dictionary<string, string>? headers = null, string query = "")
    {
        await using var host = await TestApi.StartAsync(extra: Endpoints);
        return Read(await host.InvokeAsync(Request(format, method, path, body, headers, query)));
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Synchronous_handlers_return_their_result_directly(HttpPayloadFormat format)
    {
        Assert.Equal("hello ada", (await Send(format, "GET", "/sync/ada")).Text);
        Assert.Equal("/sync-counter 0", (await Send(format, "GET", "/sync-counter")).Text);
        Assert.Equal("POST lamp 1", (await Send(format, "POST", "/sync-items", """{"id":5,"name":"lamp"}""", Json)).Text);
        Assert.Equal("PUT 6", (await Send(format, "PUT", "/sync-body", """{"id":6,"name":"x"}""", Json)).Text);
        Assert.Equal("PATCH 7 True", (await Send(format, "PATCH", "/async-body", """{"id":7,"name":"x"}""", Json)).Text);
        Assert.Equal("True", (await Send(format, "GET", "/two-services")).Text);
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Typed_route_values_parse_or_answer_400_as_ASP_NET_Core_does(HttpPayloadFormat format)
    {
        var ok = await Send(format, "GET", "/typed/41");
        var bad = await Send(format, "GET", "/typed/abc");
        var overflow = await Send(format, "GET", "/typed/99999999999");
        var guid = await Send(format, "GET", "/typed-guid/3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        var missing = await Send(format, "GET", "/optional");

        Assert.Equal("42", ok.Text);
        Assert.Equal("3f2504e04f8911d39a0c0305e82c3301", guid.Text);
        foreach (var response in new[] { bad, overflow, missing })
        {
            Assert.Equal(400, response.Status);
            Assert.StartsWith("application/problem+json", response.Header("Content-Type"));
            Assert.Equal("Bad Request", response.Json.GetProperty("title").GetString());
            Assert.Equal(400, response.Json.GetProperty("status").GetInt32());
        }

        Assert.Equal("Failed to bind parameter \"int id\" from \"abc\".", bad.Json.GetProperty("detail").GetString());
        Assert.Equal("Required parameter \"int slug\" was not provided from route.", missing.Json.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Typed_query_values_are_required_or_defaulted_and_bad_ones_are_400(HttpPayloadFormat format)
    {
        var all = await Send(format, "GET", "/paged", query: "page=3&pageSize=10&ratio=0.25");
        var defaulted = await Send(format, "GET", "/paged", query: "pageSize=10");
        var missing = await Send(format, "GET", "/paged", query: "page=3");
        var bad = await Send(format, "GET", "/paged", query: "page=x&pageSize=10");

        Assert.Equal("3 10 0.25", all.Text);
        Assert.Equal("1 10 0.5", defaulted.Text);
        Assert.Equal(400, missing.Status);
        Assert.Equal("Required parameter \"int pageSize\" was not provided from query string.", missing.Json.GetProperty("detail").GetString());
        Assert.Equal(400, bad.Status);
        Assert.Equal("Failed to bind parameter \"int page\" from \"x\".", bad.Json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Typed_values_parse_with_the_invariant_culture_whatever_the_current_one()
    {
        var previous = CultureInfo.CurrentCulture;
        var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();   // the tests run globalization-invariant: no de-DE to load
        german.NumberFormat.NumberDecimalSeparator = ",";
        german.NumberFormat.NumberGroupSeparator = ".";
        CultureInfo.CurrentCulture = german;
        try
        {
            var dot = await Send(HttpPayloadFormat.HttpApiV2, "GET", "/paged", query: "pageSize=1&ratio=1.5");

            Assert.Equal(15d, double.Parse("1.5", CultureInfo.CurrentCulture));   // what the current culture would make of it
            Assert.Equal("1 1 1.5", dot.Text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task A_json_body_endpoint_answers_415_to_another_media_type(HttpPayloadFormat format)
    {
        var text = await Send(format, "POST", "/items", """{"id":5,"name":"lamp"}""", new() { ["Content-Type"] = "text/plain" });
        var form = await Send(format, "POST", "/sync-items", "id=5", new() { ["Content-Type"] = "application/x-www-form-urlencoded" });
        var charset = await Send(format, "POST", "/items", """{"id":5,"name":"lamp"}""", new() { ["Content-Type"] = "application/json; charset=utf-8" });
        var suffix = await Send(format, "PUT", "/sync-body", """{"id":6,"name":"x"}""", new() { ["Content-Type"] = "application/merge-patch+json" });
        var none = await Send(format, "POST", "/items", """{"id":5,"name":"lamp"}""");

        foreach (var response in new[] { text, form })
        {
            Assert.Equal(415, response.Status);
            Assert.StartsWith("application/problem+json", response.Header("Content-Type"));
            Assert.Equal("Unsupported Media Type", response.Json.GetProperty("title").GetString());
        }

        Assert.Contains("text/plain", text.Json.GetProperty("detail").GetString());
        Assert.Equal(201, charset.Status);
        Assert.Equal("PUT 6", suffix.Text);
        Assert.Equal(201, none.Status);
    }
}
