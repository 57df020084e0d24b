using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Benchmarks.Batch;

/// <summary>An application initialised once, and one reused invocation context driven through its whole pipeline, as the runtime loop does.</summary>
internal sealed class AdapterBench : IAsyncDisposable
{
    private readonly LambdaApplication _app;
    private readonly InvocationRunner _runner;
    private readonly InvocationContext _context;

    public AdapterBench(Action<LambdaApplication> map)
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        _app = builder.Build();
        map(_app);
        var core = _app.InitializeCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
        _runner = core.Runner;
        _context = new InvocationContext(core.Function, core.TimeProvider);
    }

    /// <summary>Runs one invocation; returns the response's length, or -1 when it failed.</summary>
    public async Task<int> InvokeAsync(byte[] payload)
    {
        _context.Initialize("request-id", DateTimeOffset.UtcNow.AddMinutes(1), "arn", null, null, null, payload);
        var outcome = await _runner.RunAsync(_context).ConfigureAwait(false);
        var written = outcome.Error is null ? _context.Response.Body.Length : -1;
        _context.Reset();
        return written;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
