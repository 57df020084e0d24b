using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Http;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Benchmarks.Http;

/// <summary>
/// A whole HTTP invocation — HTTP API v2 event bytes in, route, handler, response bytes out — through the
/// adapter, against a hand-written handler that parses the same event and builds the same response by hand.
/// </summary>
[MemoryDiagnoser]
public class HttpInvocationBenchmarks
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };
    private readonly ArrayBufferWriter<byte> _handBuffer = new(1024);
    private readonly DateTimeOffset _deadline = DateTimeOffset.UtcNow.AddHours(1);
    private byte[] _payload = null!;
    private LambdaApplication _app = null!;
    private InvocationRunner _runner = null!;
    private InvocationContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        _payload = JsonSerializer.SerializeToUtf8Bytes(
            new HttpApiRequest
            {
                Version = "2.0",
                RouteKey = "$default",
                RawPath = "/orders/42",
                RawQueryString = "expand=lines",
                Headers = new() { ["accept"] = "application/json", ["host"] = "api.example.com", ["user-agent"] = "bench" },
                RequestContext = new HttpApiRequestContext { Http = new HttpApiRequestHttp { Method = "GET", Path = "/orders/42", SourceIp = "203.0.113.7" }, RequestId = "r" },
            },
            LambdaEventsJsonContext.Default.HttpApiRequest);

        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        _app = builder.Build();
        var api = _app.MapHttpApi();
        api.MapGet("/orders", (_, _) => ValueTask.FromResult(HttpResult.NoContent()));
        api.MapPost("/orders", (_, _) => ValueTask.FromResult(HttpResult.NoContent()));
        api.MapGet("/orders/{id:int}", (request, _) => ValueTask.FromResult(HttpResult.Ok(new BenchOrderView(int.Parse(request.RouteValue("id")!, CultureInfo.InvariantCulture), "shipped"), BenchHttpJson.Default.BenchOrderView)));
        var core = _app.InitializeCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
        _runner = core.Runner;
        _context = new InvocationContext(core.Function, core.TimeProvider);
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public int HandWritten()
    {
        var request = JsonSerializer.Deserialize(_payload, LambdaEventsJsonContext.Default.HttpApiRequest)!;
        var path = request.RawPath;
        HttpApiResponse response;
        if (request.RequestContext.Http.Method == "GET" && path.StartsWith("/orders/", StringComparison.Ordinal) && int.TryParse(path.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            response = new HttpApiResponse
            {
                StatusCode = 200,
                Headers = new() { ["Content-Type"] = "application/json; charset=utf-8" },
                Body = JsonSerializer.Serialize(new BenchOrderView(id, "shipped"), BenchHttpJson.Default.BenchOrderView),
            };
        }
        else
        {
            response = new HttpApiResponse { StatusCode = 404 };
        }

        _handBuffer.ResetWrittenCount();
        using var writer = new Utf8JsonWriter(_handBuffer, WriterOptions);
        JsonSerializer.Serialize(writer, response, LambdaEventsJsonContext.Default.HttpApiResponse);
        return _handBuffer.WrittenCount;
    }

    [Benchmark]
    public int ToolkitAdapter()
    {
        // Synchronous, as the loop's await of a completed invocation is: no benchmark-side Task<int>.
        _context.Initialize("request-id", _deadline, "arn", null, null, null, _payload);
        var pending = _runner.RunAsync(_context);
        var outcome = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        var written = outcome.Error is null ? _context.Response.Body.Length : -1;
        _context.Reset();
        return written;
    }
}

public sealed record BenchOrderView([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("status")] string Status);

[JsonSerializable(typeof(BenchOrderView))]
internal sealed partial class BenchHttpJson : JsonSerializerContext;
