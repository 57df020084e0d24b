using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Benchmarks.Logging;

/// <summary>
/// The cost of one log line through the Lambda logger inside an invocation: a JSON line with two message properties,
/// the same line inside two scopes (opened and closed per line, as an adapter does per record), a Debug line the level
/// filter suppresses (logging switched off), and a Debug line kept by the failure-only buffer (one invocation's
/// begin, keep and discard).
/// </summary>
[MemoryDiagnoser]
public partial class LoggingBenchmarks
{
    private static readonly Dictionary<string, object?> Tenant = new() { ["tenant"] = "acme", ["region"] = "eu-west-1" };
    private static readonly Func<ILogger, int, IDisposable?> OrderScope = LoggerMessage.DefineScope<int>("Order {OrderId}");

    private ServiceProvider _services = null!;
    private ServiceProvider _buffered = null!;
    private ILogger _logger = null!;
    private ILogger _bufferedLogger = null!;
    private InvocationLogs _logs = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_services, _logger) = Build(_ => { });
        (_buffered, _bufferedLogger) = Build(o => o.BufferDebugLogs = true);
        _logs = _buffered.GetRequiredService<InvocationLogs>();
    }

    private static (ServiceProvider Services, ILogger Logger) Build(Action<LambdaLoggerOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment { FunctionName = "orders", FunctionVersion = "$LATEST" });
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information).AddLambdaLogger(o =>
        {
            o.Output = Stream.Null;
            o.Format = LambdaLogFormat.Json;
            configure(o);
        }));
        var provider = services.BuildServiceProvider();
        var invocation = new InvocationContext("8476a536-e9f4-5d52-90c6-2a1b9a3b4c1d", DateTimeOffset.UtcNow.AddMinutes(5), ReadOnlyMemory<byte>.Empty)
        {
            TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        };
        provider.GetRequiredService<InvocationContextAccessor>().Enter(invocation);
        invocation.IsRunning = true;
        return (provider, provider.GetRequiredService<ILoggerFactory>().CreateLogger("Orders"));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _buffered.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void JsonLine() => Shipped(_logger, 42, "book");

    [Benchmark]
    public void JsonLineInTwoScopes()
    {
        using (_logger.BeginScope(Tenant))
        using (OrderScope(_logger, 42))
        {
            Shipped(_logger, 42, "book");
        }
    }

    [Benchmark]
    public void DebugSuppressed() => Detail(_logger, 42, "book");

    [Benchmark]
    public void DebugKeptByTheBuffer()
    {
        _logs.Begin();
        Detail(_bufferedLogger, 42, "book");
        _logs.End();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Shipped order {OrderId} of {Item}")]
    private static partial void Shipped(ILogger logger, int orderId, string item);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Order {OrderId} of {Item} details")]
    private static partial void Detail(ILogger logger, int orderId, string item);
}
