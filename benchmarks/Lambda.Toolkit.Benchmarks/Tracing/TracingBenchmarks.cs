using System.Net;
using System.Net.Sockets;
using System.Text;
using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Runtime;
using Lambda.Toolkit.Tracing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Benchmarks.Tracing;

/// <summary>
/// One sampled SQS invocation of 10 records through the whole pipeline: with no listener (tracing off: the
/// activity sources are checked and nothing else happens), and with <c>AddXRayTracing</c> sending the 11
/// subsegments (invocation and records) to a local UDP socket that a background loop drains.
/// </summary>
[MemoryDiagnoser]
public class TracingBenchmarks
{
    private const string TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    private LambdaApplication _app = null!;
    private InvocationRunner _runner = null!;
    private InvocationContext _context = null!;
    private byte[] _payload = null!;
    private UdpClient? _daemon;
    private Task? _draining;

    [Params(false, true)]
    public bool XRay { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var records = string.Join(",", Enumerable.Range(1, 10).Select(i =>
            $$"""{"messageId":"m{{i}}","receiptHandle":"rh","body":"{\"orderId\":\"o-{{i}}\"}","attributes":{"ApproximateReceiveCount":"1"},"messageAttributes":{},"md5OfBody":"0","eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:orders","awsRegion":"us-east-1"}"""));
        _payload = Encoding.UTF8.GetBytes($$"""{"Records":[{{records}}]}""");
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        if (XRay)
        {
            _daemon = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var address = $"127.0.0.1:{((IPEndPoint)_daemon.Client.LocalEndPoint!).Port}";
            _draining = Task.Run(async () =>
            {
                while (true)
                {
                    await _daemon.ReceiveAsync();
                }
            });
            builder.Services.AddXRayTracing(o => o.DaemonAddress = address);
        }

        _app = builder.Build();
        _app.MapSqs((_, _, _) => ValueTask.CompletedTask);
        var core = _app.InitializeCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
        _runner = core.Runner;
        _context = new InvocationContext(core.Function, core.TimeProvider);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _daemon?.Dispose();
        _ = _draining;
    }

    [Benchmark]
    public async Task<int> SqsInvocationOf10Records()
    {
        _context.Initialize("request-id", DateTimeOffset.UtcNow.AddMinutes(1), "arn:aws:lambda:us-east-1:123456789012:function:orders", TraceHeader, null, null, _payload);
        var outcome = await _runner.RunAsync(_context).ConfigureAwait(false);
        var written = outcome.Error is null ? _context.Response.Body.Length : -1;
        _context.Reset();
        return written;
    }
}
