using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Metrics;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Benchmarks.Metrics;

/// <summary>
/// The cost of metrics per invocation, through the invocation path the Runtime API loop uses: a handler that records
/// 10 metrics, with the Metrics package not added (the floor), added but switched off (<c>Enabled = false</c>: no
/// middleware, the calls check their arguments and record nothing), and on (a collector per invocation, one EMF document
/// of 10 metrics written with a Utf8JsonWriter to a null stream).
/// </summary>
[MemoryDiagnoser]
public class MetricsBenchmarks
{
    private static readonly string[] Names = [.. Enumerable.Range(0, 10).Select(static i => $"Metric{i}")];
    private readonly byte[] _payload = "{}"u8.ToArray();
    private LambdaApplication _app = null!;
    private InvocationRunner _runner = null!;
    private InvocationContext _context = null!;

    [Params("NotAdded", "Off", "On")]
    public string Metrics { get; set; } = "On";

    [GlobalSetup]
    public void Setup()
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        if (Metrics != "NotAdded")
        {
            builder.Services.AddLambdaMetrics(o =>
            {
                o.Namespace = "Bench";
                o.Enabled = Metrics == "On";
                o.Output = Stream.Null;
            });
        }

        _app = builder.Build();
        var metrics = _app.Services.GetService<ILambdaMetrics>();
        _app.MapHandler(context =>
        {
            if (metrics is not null)
            {
                for (var i = 0; i < Names.Length; i++)
                {
                    metrics.AddMetric(Names[i], MetricUnit.Count, i);
                }
            }

            context.Response.SetBody("{}"u8);
            return ValueTask.CompletedTask;
        });
        var core = _app.InitializeCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
        _runner = core.Runner;
        _context = new InvocationContext(core.Function, core.TimeProvider);
    }

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<int> InvocationWith10Metrics()
    {
        _context.Initialize("request-id", DateTimeOffset.UtcNow.AddSeconds(30), "arn:aws:lambda:us-east-1:123456789012:function:bench", null, null, null, _payload);
        var outcome = await _runner.RunAsync(_context).ConfigureAwait(false);
        var written = _context.Response.Body.Length;
        _context.Reset();
        return outcome.Error is null ? written : -1;
    }
}
