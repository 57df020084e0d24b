using System.Text;
using Lambda.Toolkit.Http.Cors;
using Microsoft.Extensions.DependencyInjection;
using static Lambda.Toolkit.Http.Tests.HttpEvents;

namespace Lambda.Toolkit.Http.Tests;

public class HttpAdapterTests
{
    private static async Task<Response> Send(HttpPayloadFormat format, string method, string path, string? body = null, Dictionary<string, string>? headers = null, string query = "", bool base64 = false, Action<HttpApiOptions>? configure = null, bool albMultiValue = false)
    {
        await using var host = await TestApi.StartAsync(configure);
        return Read(await host.InvokeAsync(Request(format, method, path, body, headers, query, base64, albMultiValue)));
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Routes_by_precedence_literal_then_constrained_then_parameter(HttpPayloadFormat format)
    {
        Assert.Equal(42, (await Send(format, "GET", "/items/42")).Json.GetProperty("id").GetInt32());
        Assert.Equal("special", (await Send(format, "GET", "/items/special")).Text);
        Assert.Equal("by name widget", (await Send(format, "GET", "/items/widget")).Text);
        Assert.Equal("file a/b/c.txt", (await Send(format, "GET", "/files/a/b/c.txt")).Text);
        Assert.Equal("page home", (await Send(format, "GET", "/pages")).Text);
        Assert.Equal("page about", (await Send(format, "GET", "/pages/about")).Text);
        Assert.Equal("by name hello world", (await Send(format, "GET", "/items/hello%20world")).Text);
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Unknown_path_is_404_problem(HttpPayloadFormat format)
    {
        var response = await Send(format, "GET", "/nothing/here");

        Assert.Equal(404, response.Status);
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"));
        Assert.Equal(404, response.Json.GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Wrong_method_is_405_with_Allow(HttpPayloadFormat format)
    {
        var response = await Send(format, "PUT", "/items/7");

        Assert.Equal(405, response.Status);
        Assert.Equal("DELETE, GET, HEAD", response.Header("Allow"));
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task A_route_value_failing_its_constraint_is_404_not_500(HttpPayloadFormat format)
    {
        var notGuid = await Send(format, "GET", "/orders/not-a-guid");
        var guid = await Send(format, "GET", "/orders/3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        var overflow = await Send(format, "DELETE", "/items/99999999999999999999");

        Assert.Equal(404, notGuid.Status);
        Assert.Equal("order 3f2504e0-4f89-11d3-9a0c-0305e82c3301", guid.Text);
        Assert.Equal(405, overflow.Status); // only GET /items/{name} accepts it
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Json_body_is_bound_and_Created_carries_Location(HttpPayloadFormat format)
    {
        var response = await Send(format, "POST", "/items", """{"id":5,"name":"lamp"}""", new() { ["Content-Type"] = "application/json" });

        Assert.Equal(201, response.Status);
        Assert.Equal("/items/5", response.Header("Location"));
        Assert.Equal("lamp", response.Json.GetProperty("name").GetString());
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Malformed_and_wrong_shaped_json_are_400_problems(HttpPayloadFormat format)
    {
        var malformed = await Send(format, "POST", "/items", """{"id":5,""");
        var wrongShape = await Send(format, "POST", "/items", """{"id":"five","name":"x"}""");
        var empty = await Send(format, "POST", "/items");

        Assert.Equal(400, malformed.Status);
        Assert.Equal(400, wrongShape.Status);
        Assert.Contains("$.id", wrongShape.Json.GetProperty("detail").GetString());
        Assert.Equal(400, empty.Status);
        Assert.DoesNotContain("five", wrongShape.Text);
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Body_over_the_limit_is_413(HttpPayloadFormat format)
    {
        var response = await Send(format, "POST", "/items", new string('x', 2000), configure: o => o.MaxRequestBodySize = 1000);

        Assert.Equal(413, response.Status);
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Base64_bodies_are_decoded_and_invalid_base64_is_400(HttpPayloadFormat format)
    {
        var ok = await Send(format, "POST", "/raw", Convert.ToBase64String([9, 8, 7]), base64: true);
        var bad = await Send(format, "POST", "/raw", "%%%not-base64", base64: true);

        Assert.Equal(new byte[] { 9, 8, 7 }, ok.Body);
        Assert.True(ok.Base64);
        Assert.Equal(400, bad.Status);
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Query_headers_cookies_and_caller_are_read_the_same_way(HttpPayloadFormat format)
    {
        var response = await Send(format, "GET", "/echo", headers: new() { ["X-CUSTOM"] = "v1", ["User-Agent"] = "curl/8", ["Cookie"] = "session=abc; theme=dark" }, query: "q=a%20b&q=c%2Bd");

        var echo = response.Json;
        Assert.Equal(format.ToString(), echo.GetProperty("format").GetString());
        Assert.Equal(format == HttpPayloadFormat.Alb ? "c+d" : "a b|c+d", echo.GetProperty("q").GetString());
        Assert.Equal("v1", echo.GetProperty("h").GetString());
        Assert.Equal("curl/8", echo.GetProperty("agent").GetString());
        Assert.Equal("abc", echo.GetProperty("cookie").GetString());
        Assert.Equal(format == HttpPayloadFormat.Alb ? string.Empty : format == HttpPayloadFormat.RestApiV1 ? "10.0.0.1" : "10.0.0.2", echo.GetProperty("ip").GetString());
    }

    [Fact]
    public async Task Alb_multi_value_mode_reads_every_value_and_answers_in_the_same_mode()
    {
        var response = await Send(HttpPayloadFormat.Alb, "GET", "/echo", query: "q=a%20b&q=c", albMultiValue: true);
        var cookies = await Send(HttpPayloadFormat.Alb, "GET", "/cookies", albMultiValue: true);

        Assert.Equal("a b|c", response.Json.GetProperty("q").GetString());
        Assert.Equal("200 OK", response.StatusDescription);
        Assert.Equal(["a=1; Path=/", "b=2; Secure"], cookies.Cookies);
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Results_binary_cookies_headers_redirects(HttpPayloadFormat format)
    {
        var binary = await Send(format, "GET", "/binary");
        var cookies = await Send(format, "GET", "/cookies");
        var redirect = await Send(format, "GET", "/redirect");

        Assert.True(binary.Base64);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, binary.Body);
        Assert.Equal("image/png", binary.Header("Content-Type"));
        Assert.Equal(204, cookies.Status);
        Assert.Equal("t1", cookies.Header("X-Trace"));
        Assert.Equal(format == HttpPayloadFormat.Alb ? ["b=2; Secure"] : ["a=1; Path=/", "b=2; Secure"], cookies.Cookies);
        Assert.Equal(302, redirect.Status);
        Assert.Equal("/items/1", redirect.Header("Location"));
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task An_exception_in_user_code_is_a_500_problem_that_leaks_nothing(HttpPayloadFormat format)
    {
        var response = await Send(format, "GET", "/boom");

        Assert.Equal(500, response.Status);
        Assert.DoesNotContain("secret", response.Text);
        Assert.DoesNotContain("InvalidOperationException", response.Text);
        Assert.DoesNotContain("at ", response.Json.GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task HEAD_is_answered_by_GET_without_a_body(HttpPayloadFormat format)
    {
        var response = await Send(format, "HEAD", "/items/special");

        Assert.Equal(200, response.Status);
        Assert.Empty(response.Body);
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Group_middleware_can_short_circuit(HttpPayloadFormat format)
    {
        Assert.Equal(401, (await Send(format, "GET", "/admin/stats")).Status);
        Assert.Equal("stats", (await Send(format, "GET", "/admin/stats", headers: new() { ["X-Admin"] = "yes" })).Text);
    }

    [Theory]
    [MemberData(nameof(Formats), MemberType = typeof(HttpEvents))]
    public async Task Cors_preflight_is_answered_before_user_code_and_refused_for_other_origins(HttpPayloadFormat format)
    {
        void Cors(HttpApiOptions o)
        {
            o.Cors = new CorsOptions { AllowCredentials = true };
            o.Cors.AllowedOrigins.Add("https://app.example.com");
        }

        var preflight = await Send(format, "OPTIONS", "/items", headers: new() { ["Origin"] = "https://app.example.com", ["Access-Control-Request-Method"] = "POST" }, configure: Cors);
        var refused = await Send(format, "OPTIONS", "/items", headers: new() { ["Origin"] = "https://evil.example", ["Access-Control-Request-Method"] = "POST" }, configure: Cors);
        var actual = await Send(format, "GET", "/items/special", headers: new() { ["Origin"] = "https://app.example.com" }, configure: Cors);

        Assert.Equal(204, preflight.Status);
        Assert.Equal("https://app.example.com", preflight.Header("Access-Control-Allow-Origin"));
        Assert.Contains("POST", preflight.Header("Access-Control-Allow-Methods"));
        Assert.Equal("600", preflight.Header("Access-Control-Max-Age"));
        Assert.Equal("true", preflight.Header("Access-Control-Allow-Credentials"));
        Assert.Equal(403, refused.Status);
        Assert.Null(refused.Header("Access-Control-Allow-Origin"));
        Assert.Equal("https://app.example.com", actual.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_wildcard_origin_with_credentials_fails_init()
    {
        var app = LambdaApplication.CreateBuilder([]).Build();

        app.MapHttpApi(o =>
        {
            o.Cors = new CorsOptions { AllowCredentials = true };
            o.Cors.AllowedOrigins.Add("*");
        });
        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => Lambda.Toolkit.Testing.LambdaTestHost.StartAsync(app));

        Assert.Contains("HTTP API: Cors cannot allow any origin ('*') together with credentials", error.Message);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip, deflate")]
    public async Task Large_text_responses_are_compressed_when_accepted(string accept)
    {
        var compressed = await Send(HttpPayloadFormat.HttpApiV2, "GET", "/big", headers: new() { ["Accept-Encoding"] = accept }, configure: o => o.CompressionThreshold = 1024);
        var small = await Send(HttpPayloadFormat.HttpApiV2, "GET", "/items/special", headers: new() { ["Accept-Encoding"] = accept }, configure: o => o.CompressionThreshold = 1024);

        Assert.Equal(accept.StartsWith("br", StringComparison.Ordinal) ? "br" : "gzip", compressed.Header("Content-Encoding"));
        Assert.Equal(new string('a', 5000), compressed.Text);
        Assert.Null(small.Header("Content-Encoding"));
    }

    [Fact]
    public async Task Bad_route_templates_and_conflicts_fail_init_all_in_one_message()
    {
        var app = LambdaApplication.CreateBuilder([]).Build();
        var api = app.MapHttpApi();

        api.MapGet("/x/{id:nosuch}", (_, _) => ValueTask.FromResult(HttpResult.NoContent()));
        api.MapGet("/x/{*rest}/more", (_, _) => ValueTask.FromResult(HttpResult.NoContent()));
        api.MapGet("/x/{id}/{id}", (_, _) => ValueTask.FromResult(HttpResult.NoContent()));
        api.MapGet("/dup", (_, _) => ValueTask.FromResult(HttpResult.NoContent()));
        api.MapGet("/dup", (_, _) => ValueTask.FromResult(HttpResult.NoContent()));
        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => Lambda.Toolkit.Testing.LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.StartsWith("Init found 4 problems:", error.Message, StringComparison.Ordinal);
        Assert.Contains("nosuch", error.Message, StringComparison.Ordinal);
        Assert.Contains("catch-all parameter that is not the last segment", error.Message, StringComparison.Ordinal);
        Assert.Contains("uses the parameter 'id' twice", error.Message, StringComparison.Ordinal);
        Assert.Contains("is mapped twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shared_sample_events_are_all_routed()
    {
        await using var host = await TestApi.StartAsync(extra: api => api.Map("ANY", "/never", (_, _) => ValueTask.FromResult(HttpResult.NoContent())));
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "events"), "*.json", SearchOption.AllDirectories)
            .Where(f => f.Contains("apigateway-v1", StringComparison.Ordinal) || f.Contains("apigateway-v2", StringComparison.Ordinal) || f.Contains($"{Path.DirectorySeparatorChar}alb{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        foreach (var file in files)
        {
            var response = Read(await host.InvokeFileAsync(file));
            Assert.True(response.Status is 404 or 405 or 200 or 400, $"{file}: {response.Status}");
        }
    }

    [Fact]
    public async Task Non_http_events_are_left_to_other_handlers()
    {
        var builder = LambdaApplication.CreateBuilder([]);
        var app = builder.Build();
        app.MapHttpApi().MapGet("/", (_, _) => ValueTask.FromResult(HttpResult.NoContent()));
        await using var host = await Lambda.Toolkit.Testing.LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"Records":[]}""");

        Assert.Equal(LambdaErrorTypes.NoHandler, result.Error!.ErrorType);
        Assert.NotNull(app.Services.GetService<IServiceProvider>());
        Assert.NotNull(Encoding.UTF8);
    }
}
