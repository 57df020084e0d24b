using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Metrics;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OrdersApi.Tests;

public class OrdersApiTests
{
    private static string Event(string name) => Path.Combine(AppContext.BaseDirectory, "events", name);

    private static string V2(string method, string path, string? body = null, string query = "", string contentType = "application/json") => JsonSerializer.Serialize(
        new HttpApiRequest
        {
            Version = "2.0",
            RawPath = path,
            RawQueryString = query,
            Headers = new() { ["content-type"] = contentType },
            RequestContext = new HttpApiRequestContext { Http = new HttpApiRequestHttp { Method = method, Path = path } },
            Body = body,
        },
        LambdaEventsJsonContext.Default.HttpApiRequest);

    private static (int Status, JsonElement Body, string? Location) Read(TestInvocationResult result)
    {
        var response = result.ReadResponse(LambdaEventsJsonContext.Default.HttpApiResponse);
        var body = string.IsNullOrEmpty(response.Body) ? default : JsonDocument.Parse(response.Body).RootElement;
        return (response.StatusCode, body, response.Headers?.GetValueOrDefault("Location"));
    }

    [Fact]
    public async Task Creating_an_order_publishes_orders_placed_and_the_http_built_ins_as_emf()
    {
        using var metrics = new MemoryStream();
        await using var host = await LambdaTestHost.StartAsync(OrdersApiFunction.Build([], services => services.AddLambdaMetrics(o => o.Output = metrics)));

        var created = Read(await host.InvokeFileAsync(Event("create-order.json")));

        Assert.Equal(201, created.Status);
        var documents = Encoding.UTF8.GetString(metrics.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.All(documents, d => Assert.Equal("Orders", d["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>()));
        var order = Assert.Single(documents, d => d["OrdersPlaced"] is not null);
        Assert.Equal(1, order["OrdersPlaced"]!.GetValue<double>());
        Assert.Equal(2, order["ItemsOrdered"]!.GetValue<double>());
        Assert.Equal(created.Body.GetProperty("id").GetString(), order["orderId"]!.GetValue<string>());
        var http = Assert.Single(documents, d => d["HttpRequests"] is not null);
        Assert.Equal("POST", http["Method"]!.GetValue<string>());
        Assert.Equal("2xx", http["StatusClass"]!.GetValue<string>());
        Assert.StartsWith("/orders", http["Route"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(http["HttpRequestDuration"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task Create_get_list_update_delete()
    {
        await using var host = await LambdaTestHost.StartAsync(OrdersApiFunction.Build([]));

        var created = Read(await host.InvokeFileAsync(Event("create-order.json")));
        var id = created.Body.GetProperty("id").GetString()!;
        var fetched = Read(await host.InvokeAsync(V2("GET", $"/orders/{id}")));
        var updated = Read(await host.InvokeAsync(V2("PUT", $"/orders/{id}", """{"customer":"grace","lines":[{"sku":"pen","quantity":3}]}""")));
        var listed = Read(await host.InvokeFileAsync(Event("list-orders-v1.json")));
        var deleted = Read(await host.InvokeAsync(V2("DELETE", $"/orders/{id}")));
        var gone = Read(await host.InvokeAsync(V2("GET", $"/orders/{id}")));

        Assert.Equal(201, created.Status);
        Assert.Equal($"/orders/{id}", created.Location);
        Assert.Equal("ada", fetched.Body.GetProperty("customer").GetString());
        Assert.Equal("grace", updated.Body.GetProperty("customer").GetString());
        Assert.Equal(200, listed.Status);
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, gone.Status);
    }

    [Fact]
    public async Task Listing_pages_through_orders()
    {
        await using var host = await LambdaTestHost.StartAsync(OrdersApiFunction.Build([]));
        for (var i = 0; i < 5; i++)
        {
            await host.InvokeAsync(V2("POST", "/orders", $$"""{"customer":"c{{i}}","lines":[{"sku":"s","quantity":1}]}"""));
        }

        var first = Read(await host.InvokeAsync(V2("GET", "/orders", query: "page=1&pageSize=2")));
        var last = Read(await host.InvokeAsync(V2("GET", "/orders", query: "page=3&pageSize=2")));
        var invalid = Read(await host.InvokeAsync(V2("GET", "/orders", query: "pageSize=1000")));

        Assert.Equal(2, first.Body.GetProperty("items").GetArrayLength());
        Assert.Equal(5, first.Body.GetProperty("total").GetInt32());
        Assert.Equal(1, last.Body.GetProperty("items").GetArrayLength());
        Assert.Equal(400, invalid.Status);
        Assert.True(invalid.Body.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Invalid_orders_are_400_with_errors_by_field()
    {
        await using var host = await LambdaTestHost.StartAsync(OrdersApiFunction.Build([]));

        var invalid = Read(await host.InvokeAsync(V2("POST", "/orders", """{"customer":"","lines":[{"sku":"","quantity":0}]}""")));
        var malformed = Read(await host.InvokeAsync(V2("POST", "/orders", """{"customer":""")));

        Assert.Equal(400, invalid.Status);
        var errors = invalid.Body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("customer", out _));
        Assert.True(errors.TryGetProperty("lines[0].sku", out _));
        Assert.True(errors.TryGetProperty("lines[0].quantity", out _));
        Assert.Equal(400, malformed.Status);
    }

    [Fact]
    public async Task The_ALB_sample_gets_a_404_problem()
    {
        await using var host = await LambdaTestHost.StartAsync(OrdersApiFunction.Build([]));

        var result = await host.InvokeFileAsync(Event("get-missing-alb.json"));

        using var response = JsonDocument.Parse(result.Response);
        Assert.Equal(404, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("404 Not Found", response.RootElement.GetProperty("statusDescription").GetString());
    }

    [Fact]
    public async Task An_order_sent_as_text_is_415_and_not_created()
    {
        await using var host = await LambdaTestHost.StartAsync(OrdersApiFunction.Build([]));

        var text = Read(await host.InvokeAsync(V2("POST", "/orders", """{"customer":"ada","lines":[{"sku":"book","quantity":2}]}""", contentType: "text/plain")));
        var listed = Read(await host.InvokeAsync(V2("GET", "/orders")));

        Assert.Equal(415, text.Status);
        Assert.Equal("Unsupported Media Type", text.Body.GetProperty("title").GetString());
        Assert.Equal(0, listed.Body.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_null_line_is_400_naming_the_element()
    {
        await using var host = await LambdaTestHost.StartAsync(OrdersApiFunction.Build([]));

        var created = Read(await host.InvokeAsync(V2("POST", "/orders", """{"customer":"ada","lines":[null]}""")));
        var second = Read(await host.InvokeAsync(V2("POST", "/orders", """{"customer":"ada","lines":[{"sku":"book","quantity":1},null]}""")));

        Assert.Equal(400, created.Status);
        Assert.True(created.Body.GetProperty("errors").TryGetProperty("lines[0]", out _), created.Body.ToString());
        Assert.Equal(400, second.Status);
        Assert.True(second.Body.GetProperty("errors").TryGetProperty("lines[1]", out _), second.Body.ToString());
    }

    [Fact]
    public async Task A_page_past_the_int_range_is_empty_not_the_first_page()
    {
        await using var host = await LambdaTestHost.StartAsync(OrdersApiFunction.Build([]));
        await host.InvokeFileAsync(Event("create-order.json"));

        var far = Read(await host.InvokeAsync(V2("GET", "/orders", query: "page=21474838&pageSize=100")));
        var last = Read(await host.InvokeAsync(V2("GET", "/orders", query: $"page={int.MaxValue}&pageSize=100")));

        Assert.Equal(200, far.Status);
        Assert.Equal(0, far.Body.GetProperty("items").GetArrayLength());
        Assert.Equal(21474838, far.Body.GetProperty("page").GetInt32());
        Assert.Equal(1, far.Body.GetProperty("total").GetInt32());
        Assert.Equal(0, last.Body.GetProperty("items").GetArrayLength());
    }
}
