using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Http.Tests;

/// <summary>Lines logged while an endpoint runs carry its method, route template and correlation id; payloads never reach INFO or above.</summary>
public sealed partial class HttpLoggingTests
{
    private const string Secret = "SECRET-PAYLOAD-7f3a";

    private static async Task<(LambdaTestHost Host, MemoryStream Logs, List<string?> Correlations)> Start()
    {
        var logs = new MemoryStream();
        var correlations = new List<string?>();
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.Configure<LambdaLoggerOptions>(o => { o.Output = logs; o.Format = LambdaLogFormat.Json; });
        var app = builder.Build();
        var api = app.MapHttpApi();
        api.MapGet("/orders/{id}", (request, _) =>
        {
            correlations.Add(request.CorrelationId);
            var logger = request.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders");
            var id = request.RouteValue("id")!;
            Reading(logger, id);
            return ValueTask.FromResult(HttpResult.Text("ok"));
        });
        api.MapPost("/orders", (request, _) => throw new InvalidOperationException("cannot store the order"));
        api.MapPost<Item, ILoggerFactory>("/items", HttpTestJson.Default.Item, (_, item, _, _) => ValueTask.FromResult(HttpResult.Ok(item, HttpTestJson.Default.Item)));
        return (await LambdaTestHost.StartAsync(app), logs, correlations);
    }

    private static JsonElement[] Lines(MemoryStream logs) =>
        [.. Encoding.UTF8.GetString(logs.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonDocument.Parse(l).RootElement)];

    private static string? Key(JsonElement line, string key) => line.TryGetProperty(key, out var value) ? value.GetString() : null;

    [Theory]
    [InlineData(HttpPayloadFormat.RestApiV1, "gw-1")]
    [InlineData(HttpPayloadFormat.HttpApiV2, "gw-2")]
    [InlineData(HttpPayloadFormat.Alb, null)]
    public async Task Lines_carry_the_method_the_route_template_and_the_gateway_request_id(HttpPayloadFormat format, string? correlationId)
    {
        var (host, logs, correlations) = await Start();
        await using var _ = host;

        await host.InvokeAsync(HttpEvents.Request(format, "GET", "/orders/42"));

        Assert.Equal(correlationId, Assert.Single(correlations));
        var line = Assert.Single(Lines(logs), l => Key(l, "category") == "Orders");
        Assert.Equal("GET", Key(line, "httpMethod"));
        Assert.Equal("/orders/{id}", Key(line, "route"));
        Assert.Equal(correlationId, Key(line, "correlationId"));
        Assert.DoesNotContain("/orders/42", line.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HttpEvents.Formats), MemberType = typeof(HttpEvents))]
    public async Task The_x_correlation_id_header_wins_over_the_gateway_request_id(HttpPayloadFormat format)
    {
        var (host, logs, correlations) = await Start();
        await using var _ = host;

        await host.InvokeAsync(HttpEvents.Request(format, "GET", "/orders/42", headers: new() { ["X-Correlation-Id"] = "corr-9" }));

        Assert.Equal("corr-9", Assert.Single(correlations));
        Assert.Equal("corr-9", Key(Assert.Single(Lines(logs), l => Key(l, "category") == "Orders"), "correlationId"));
    }

    [Theory]
    [MemberData(nameof(HttpEvents.Formats), MemberType = typeof(HttpEvents))]
    public async Task The_unhandled_exception_line_carries_the_route_and_no_line_at_info_or_above_carries_the_payload(HttpPayloadFormat format)
    {
        var (host, logs, _) = await Start();
        await using var __ = host;

        var failed = await host.InvokeAsync(HttpEvents.Request(format, "POST", "/orders", body: $$"""{"card":"{{Secret}}"}""", headers: new() { ["Content-Type"] = "application/json" }));
        var invalid = await host.InvokeAsync(HttpEvents.Request(format, "POST", "/items", body: $$"""{"id":"{{Secret}}","name":"{{Secret}}"}""", headers: new() { ["Content-Type"] = "application/json" }));
        var malformed = await host.InvokeAsync(HttpEvents.Request(format, "POST", "/items", body: $$"""{"id":1,"name":"{{Secret}}" """, headers: new() { ["Content-Type"] = "application/json" }));

        Assert.Equal(500, HttpEvents.Read(failed).Status);
        Assert.Equal(400, HttpEvents.Read(invalid).Status);
        Assert.Equal(400, HttpEvents.Read(malformed).Status);
        var lines = Lines(logs);
        var error = Assert.Single(lines, l => Key(l, "level") == "ERROR");
        Assert.Equal("POST", Key(error, "httpMethod"));
        Assert.Equal("/orders", Key(error, "route"));
        Assert.All(lines.Where(l => Key(l, "level") is not ("TRACE" or "DEBUG")), l => Assert.DoesNotContain(Secret, l.GetRawText(), StringComparison.Ordinal));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading order {OrderId}")]
    private static partial void Reading(ILogger logger, string orderId);
}
