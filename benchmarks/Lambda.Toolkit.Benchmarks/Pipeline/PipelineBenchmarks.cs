using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Benchmarks.Pipeline;

/// <summary>
/// Framework overhead per invocation (issue 14: at most 150 ns and 300 B with 3 middlewares): a bare delegate
/// (deserialize, handle, serialize into a reused buffer with the same writer options) against the toolkit's
/// invocation path (context, DI scope, deadline token, middleware, scoped class handler, result serialization),
/// as the Runtime API loop runs it minus the HTTP calls: one reused context, initialized from the values the loop
/// parses from the headers, run, then reset. Both methods are synchronous, so neither pays for a benchmark-side
/// <see cref="Task{TResult}"/>; the pipeline completes synchronously, as a warm invocation of a synchronous
/// handler does in the loop.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private readonly byte[] _payload = Encoding.UTF8.GetBytes("""{"id":42,"item":"book"}""");
    private readonly ArrayBufferWriter<byte> _bareBuffer = new(4096);
    private readonly DateTimeOffset _deadline = DateTimeOffset.UtcNow.AddHours(1);
    private Utf8JsonWriter _bareWriter = null!;
    private LambdaApplication _app = null!;
    private InvocationRunner _runner = null!;
    private InvocationContext _context = null!;

    [Params(0, 3, 10)]
    public int Middlewares { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bareWriter = new Utf8JsonWriter(_bareBuffer, new JsonWriterOptions { SkipValidation = true });
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        builder.Services.AddScoped<BenchHandler>();
        _app = builder.Build();
        for (var i = 0; i < Middlewares; i++)
        {
            _app.Use(static (context, next) => next(context));
        }

        _app.MapHandler<BenchOrder, BenchReceipt, BenchHandler>(BenchJsonContext.Default.BenchOrder, BenchJsonContext.Default.BenchReceipt);
        var core = _app.InitializeCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
        _runner = core.Runner;
        _context = new InvocationContext(core.Function, core.TimeProvider);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bareWriter.Dispose();
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public int BareDelegate()
    {
        var order = JsonSerializer.Deserialize(_payload, BenchJsonContext.Default.BenchOrder)!;
        var receipt = new BenchReceipt(order.Id, "request-id");
        _bareBuffer.ResetWrittenCount();
        _bareWriter.Reset(_bareBuffer);
        JsonSerializer.Serialize(_bareWriter, receipt, BenchJsonContext.Default.BenchReceipt);
        _bareWriter.Flush();
        return _bareBuffer.WrittenCount;
    }

    [Benchmark]
    public int ToolkitPipeline()
    {
        _context.Initialize("request-id", _deadline, "arn:aws:lambda:us-east-1:123456789012:function:bench", null, null, null, _payload);
        var pending = _runner.RunAsync(_context);
        var outcome = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        var written = _context.Response.Body.Length;
        _context.Reset();
        return outcome.Error is null ? written : -1;
    }
}

public sealed record BenchOrder([property: JsonPropertyName("id")] int Id, [property: JsonPropertyName("item")] string Item);

public sealed record BenchReceipt([property: JsonPropertyName("orderId")] int OrderId, [property: JsonPropertyName("requestId")] string RequestId);

[JsonSerializable(typeof(BenchOrder))]
[JsonSerializable(typeof(BenchReceipt))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;

public sealed class BenchHandler : ILambdaHandler<BenchOrder, BenchReceipt>
{
    public ValueTask<BenchReceipt> HandleAsync(BenchOrder input, InvocationContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new BenchReceipt(input.Id, context.RequestId));
}
