using System.Diagnostics;
using System.Globalization;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// The function as its own process behind the Runtime API emulator, one execution environment at a time. An
/// environment that crashed, ran out of memory or timed out is replaced by a new process on the next invocation
/// (a cold start), as Lambda starts a new execution environment; the invocation it held ends failed, so the
/// simulated service gets its records back.
/// </summary>
internal sealed class ProcessFunctionInvoker(RuntimeApiEmulator emulator, FunctionProcessOptions options, TextWriter output, TextWriter errors) : IFunctionInvoker, IAsyncDisposable
{
    private FunctionProcess? _process;
    private bool _cold;

    /// <summary>How many execution environments (processes) were started.</summary>
    public int Environments { get; private set; }

    /// <inheritdoc />
    public async ValueTask<FunctionInvocation> InvokeAsync(byte[] payload, string? requestId, CancellationToken cancellationToken)
    {
        // The build of a project is not the function's time; its init (a cold start) is, as Lambda's poller waits for it.
        var process = await EnvironmentAsync(cancellationToken).ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        var invocation = emulator.InvokeAsync(payload, new TestInvocation { RequestId = requestId }, cancellationToken);

        // The event waits in the emulator until a process takes it: one whose process dies before that is replaced
        // once; a second death, or no answer within init + timeout, means the function cannot run at all.
        var limit = TimeSpan.FromSeconds(LambdaLimits.InitTimeoutSeconds) + emulator.Options.Timeout + TimeSpan.FromSeconds(5);
        for (var replaced = false; ;)
        {
            var ended = await Task.WhenAny(invocation, process.Exited, Task.Delay(limit, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (ended == invocation)
            {
                break;
            }

            if (ended != process.Exited)
            {
                throw new SimulationAbortedException(ExitCodes.Timeout, string.Create(CultureInfo.InvariantCulture, $"The function did not take an event within {limit.TotalSeconds:0} seconds of being invoked (init {LambdaLimits.InitTimeoutSeconds} s + timeout {emulator.Options.Timeout.TotalSeconds:0} s)."));
            }

            // The process ended; the invocation it held (Runtime.ExitError) or an init error may still be arriving.
            await Task.WhenAny(invocation, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false);
            if (invocation.IsCompleted)
            {
                break;
            }

            if (replaced)
            {
                throw new SimulationAbortedException(ExitCodes.ProcessFailed, $"The function process exited twice before taking an event.{Tail(process)}");
            }

            replaced = true;
            process = await EnvironmentAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = await invocation.ConfigureAwait(false);
        watch.Stop();
        if (result.Status == EmulatedInvocationStatus.InitError)
        {
            throw new SimulationAbortedException(ExitCodes.InitError, $"The function failed its init: {result.BodyText}");
        }

        var cold = _cold;
        _cold = false;
        var outcome = Outcome.Of(result);
        await output.WriteLineAsync(ReportLine.Format(result.RequestId, result.Duration, options.MemorySizeMb, process.PeakMemoryBytes, cold ? process.InitDuration : null, outcome.Status, outcome.ErrorType)).ConfigureAwait(false);
        var kind = result.Status switch
        {
            EmulatedInvocationStatus.Success => InvocationKind.Success,
            EmulatedInvocationStatus.Timeout => InvocationKind.Timeout,
            _ when result.ErrorType is Outcome.ExitError or Outcome.OutOfMemory => InvocationKind.EnvironmentFailed,
            _ when result.ErrorType == LambdaErrorTypes.Timeout => InvocationKind.Timeout,
            _ => InvocationKind.FunctionError,
        };
        if (kind is InvocationKind.Timeout or InvocationKind.EnvironmentFailed)
        {
            // Lambda does not reuse an environment whose invocation timed out or whose runtime died: the next
            // invocation gets a new one.
            await RetireAsync(kind == InvocationKind.Timeout ? "timed out" : "failed").ConfigureAwait(false);
        }

        return new FunctionInvocation(kind, result.RequestId, result.Body.ToArray(), result.ErrorType, watch.Elapsed);
    }

    /// <summary>Lets the last environment run its shutdown hooks, as Lambda does when it retires one.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process && !process.Exited.IsCompleted)
        {
            await process.StopAsync(TimeSpan.FromMilliseconds(LambdaLimits.ShutdownGraceMilliseconds)).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<FunctionProcess> EnvironmentAsync(CancellationToken cancellationToken)
    {
        if (_process is { Exited.IsCompleted: false } live)
        {
            return live;
        }

        if (_process is { } dead)
        {
            await errors.WriteLineAsync($"[lambda-toolkit] The function process exited with code {await dead.Exited.ConfigureAwait(false)}; starting a new execution environment.").ConfigureAwait(false);
            await dead.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }

        try
        {
            _process = await FunctionProcess.StartAsync(emulator, options, cancellationToken).ConfigureAwait(false);
        }
        catch (FunctionProcessException ex)
        {
            throw new SimulationAbortedException(ExitCodes.ProcessFailed, ex.Message);
        }

        options.Target = _process.TargetPath; // a replacement skips the build
        Environments++;
        _cold = true;
        return _process;
    }

    private async Task RetireAsync(string why)
    {
        if (_process is { } process)
        {
            await errors.WriteLineAsync($"[lambda-toolkit] The invocation {why}; its execution environment is replaced on the next invocation.").ConfigureAwait(false);
            await process.StopAsync(TimeSpan.Zero).ConfigureAwait(false);
            await process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }
    }

    private static string Tail(FunctionProcess process) =>
        process.StandardErrorTail is { Length: > 0 } tail ? Environment.NewLine + "Its last stderr lines:" + Environment.NewLine + tail : string.Empty;
}
