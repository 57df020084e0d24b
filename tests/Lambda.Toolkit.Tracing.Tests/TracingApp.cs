using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Http;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Lambda.Toolkit.Tracing.Tests;

/// <summary>A function with an SQS handler (message "fail" throws) and an HTTP API, and the events to drive it.</summary>
internal static class TracingApp
{
    public const string FunctionSegment = "53995c3f42cd8ad8";

    public static async Task<LambdaTestHost> StartAsync(Action<IServiceCollection>? services = null, Action<LambdaApplication>? configure = null, string? daemonVariable = null)
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        if (daemonVariable is not null)
        {
            builder.Configuration["AWS_XRAY_DAEMON_ADDRESS"] = daemonVariable;
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        configure?.Invoke(app);
        app.MapSqs((message, _, _) => message.Body == "fail" ? throw new InvalidOperationException("cannot process " + message.MessageId) : ValueTask.CompletedTask);
        var api = app.MapHttpApi();
        api.MapGet("/orders/{id}", (request, _) => ValueTask.FromResult(request.RouteValue("id") switch
        {
            "busy" => HttpResult.Problem(429, "Too Many Requests", "slow down"),
            "bad" => throw new InvalidOperationException("broken order"),
            var id => HttpResult.Text("order " + id),
        }));
        return await LambdaTestHost.StartAsync(app, new LambdaTestHostOptions { FunctionName = "orders-fn" });
    }

    /// <summary>A fresh X-Ray root: 8 hex of epoch seconds, 24 random hex.</summary>
    public static string NewRoot() => $"1-{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..35];

    public static string Header(string root, bool sampled) => $"Root={root};Parent={FunctionSegment};Sampled={(sampled ? 1 : 0)}";

    public static string W3CTraceId(string root) => root[2..10] + root[11..];

    public static byte[] Sqs(params string[] bodies) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
    {
        Records = bodies.Select((body, i) => new Dictionary<string, object>
        {
            ["messageId"] = $"m{i + 1}",
            ["receiptHandle"] = "rh",
            ["body"] = body,
            ["attributes"] = new Dictionary<string, string> { ["ApproximateReceiveCount"] = "1" },
            ["messageAttributes"] = new Dictionary<string, string>(),
            ["md5OfBody"] = "0",
            ["eventSource"] = "aws:sqs",
            ["eventSourceARN"] = "arn:aws:sqs:us-east-1:123456789012:orders",
            ["awsRegion"] = "us-east-1",
        }).ToArray(),
    }));

    public static byte[] HttpGet(string path, string? traceparent = null)
    {
        var headers = new Dictionary<string, string> { ["accept"] = "text/plain" };
        if (traceparent is not null)
        {
            headers["traceparent"] = traceparent;
        }

        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            version = "2.0",
            routeKey = "$default",
            rawPath = path,
            rawQueryString = "",
            headers,
            requestContext = new
            {
                accountId = "123456789012",
                apiId = "api",
                domainName = "api.example.com",
                domainPrefix = "api",
                http = new { method = "GET", path, protocol = "HTTP/1.1", sourceIp = "10.0.0.1", userAgent = "test" },
                requestId = "gw-1",
                routeKey = "$default",
                stage = "$default",
                time = "02/Dec/2026:11:00:00 +0000",
                timeEpoch = 1796209200000,
            },
            isBase64Encoded = false,
        }));
    }
}

/// <summary>A real UDP socket standing in for the X-Ray daemon.</summary>
internal sealed class FakeDaemon : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));

    public string Address => $"127.0.0.1:{((IPEndPoint)_udp.Client.LocalEndPoint!).Port}";

    /// <summary>Reads datagrams until <paramref name="count"/> subsegments of <paramref name="root"/> have arrived (others are skipped).</summary>
    public async Task<List<JsonElement>> ReceiveAsync(string root, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var documents = new List<JsonElement>();
        while (documents.Count < count)
        {
            var datagram = await _udp.ReceiveAsync(timeout.Token);
            var text = Encoding.UTF8.GetString(datagram.Buffer);
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            Assert.True(newline > 0, "A datagram starts with the daemon's header line: " + text);
            Assert.Equal("{\"format\": \"json\", \"version\": 1}", text[..newline]);
            var document = JsonDocument.Parse(text[(newline + 1)..]).RootElement.Clone();
            if (document.GetProperty("trace_id").GetString() == root)
            {
                documents.Add(document);
            }
        }

        return documents;
    }

    public void Dispose() => _udp.Dispose();
}

internal static class Documents
{
    public static JsonElement Named(this List<JsonElement> documents, string name) =>
        Assert.Single(documents, d => d.GetProperty("name").GetString() == name);

    public static JsonElement Annotation(this JsonElement document, string key) => document.GetProperty("annotations").GetProperty(key);

    public static bool Flag(this JsonElement document, string flag) => document.TryGetProperty(flag, out var value) && value.GetBoolean();
}
