using System.Text.Json.Serialization;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Http.Tests;

public sealed record Item([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("name")] string Name);

[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(Dictionary<string, string>))]
public sealed partial class HttpTestJson : JsonSerializerContext;

public sealed class Counter
{
    public int Value { get; set; }
}

/// <summary>One route table used by every format's tests.</summary>
internal static class TestApi
{
    public static async Task<LambdaTestHost> StartAsync(Action<HttpApiOptions>? configure = null, Action<HttpRouteGroup>? extra = null)
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        builder.Services.AddSingleton<Counter>();
        var app = builder.Build();
        var api = app.MapHttpApi(configure);
        api.MapGet("/items/{id:int}", (request, _) => ValueTask.FromResult(HttpResult.Ok(new Item(int.Parse(request.RouteValue("id")!, System.Globalization.CultureInfo.InvariantCulture), "by id"), HttpTestJson.Default.Item)));
        api.MapGet("/items/special", (_, _) => ValueTask.FromResult(HttpResult.Text("special")));
        api.MapGet("/items/{name}", (request, _) => ValueTask.FromResult(HttpResult.Text("by name " + request.RouteValue("name"))));
        api.MapPost<Item, Counter>("/items", HttpTestJson.Default.Item, (_, item, counter, _) =>
        {
            counter.Value++;
            return ValueTask.FromResult(HttpResult.Created($"/items/{item.Id}", item, HttpTestJson.Default.Item));
        });
        api.MapDelete<Counter>("/items/{id:int}", (_, counter, _) => { counter.Value--; return ValueTask.FromResult(HttpResult.NoContent()); });
        api.MapGet("/files/{*path}", (request, _) => ValueTask.FromResult(HttpResult.Text("file " + request.RouteValue("path"))));
        api.MapGet("/pages/{slug?}", (request, _) => ValueTask.FromResult(HttpResult.Text("page " + (request.RouteValue("slug") ?? "home"))));
        api.MapGet("/echo", (request, _) =>
        {
            var echo = new Dictionary<string, string>
            {
                ["q"] = string.Join("|", request.QueryValues("q")),
                ["h"] = string.Join("|", request.HeaderValues("X-Custom")),
                ["agent"] = request.UserAgent ?? string.Empty,
                ["ip"] = request.SourceIp ?? string.Empty,
                ["cookie"] = request.Cookies.TryGetValue("session", out var s) ? s : string.Empty,
                ["format"] = request.Format.ToString(),
            };
            return ValueTask.FromResult(HttpResult.Ok(echo, HttpTestJson.Default.DictionaryStringString));
        });
        api.MapGet("/orders/{id:guid}", (request, _) => ValueTask.FromResult(HttpResult.Text("order " + request.RouteValue("id"))));
        api.MapGet("/binary", (_, _) => ValueTask.FromResult(HttpResult.Bytes([0, 1, 2, 255], "image/png")));
        api.MapGet("/cookies", (_, _) => ValueTask.FromResult(HttpResult.NoContent().WithCookie("a=1; Path=/").WithCookie("b=2; Secure").WithHeader("X-Trace", "t1")));
        api.MapGet("/redirect", (_, _) => ValueTask.FromResult(HttpResult.Redirect("/items/1")));
        api.MapGet("/boom", (_, _) => throw new InvalidOperationException("secret connection string=xyz"));
        api.MapGet("/big", (_, _) => ValueTask.FromResult(HttpResult.Text(new string('a', 5000), "application/json")));
        api.MapPost("/raw", (request, _) => ValueTask.FromResult(HttpResult.Bytes(request.Body.Span, "application/octet-stream")));
        var admin = api.MapGroup("/admin");
        admin.Use((request, next, ct) => request.Header("X-Admin") == "yes" ? next(request, ct) : ValueTask.FromResult(HttpResult.Problem(401, "Unauthorized")));
        admin.MapGet("/stats", (_, _) => ValueTask.FromResult(HttpResult.Text("stats")));
        extra?.Invoke(api);
        return await LambdaTestHost.StartAsync(app);
    }
}
