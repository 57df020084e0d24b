using System.Diagnostics;
using System.Globalization;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Local.Commands;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// The simulated service's view of a <see cref="LocalFunction"/>: the function as its own process behind the Runtime
/// API emulator, one execution environment at a time. An environment that crashed, ran out of memory or timed out is
/// replaced by a new process on the next invocation (a cold start), as Lambda starts a new execution environment; the
/// invocation it held ends failed, so the simulated service gets its records back. What only a simulation needs is
/// here: a function that cannot run at all (it cannot start, fails its init, dies twice before taking an event or
/// never takes one) stops the simulation with <see cref="SimulationAbortedException"/>.
/// </summary>
internal sealed class ProcessFunctionInvoker(RuntimeApiEmulator emulator, LocalFunction function) : IFunctionInvoker
{
    /// <inheritdoc />
    public async ValueTask<FunctionInvocation> InvokeAsync(byte[] payload, string? requestId, CancellationToken cancellationToken)
    {
        if (function.Environments == 0)
        {
            // The build of a project is not the function's time; its init (a cold start) is, as Lambda's poller waits for it.
            try
            {
                await function.StartAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (FunctionProcessException ex)
            {
                throw new SimulationAbortedException(ExitCodes.ProcessFailed, ex.Message);
            }
        }

        // The event waits in the emulator until a process takes it: no answer within init + timeout means the
        // function cannot run at all.
        var limit = TimeSpan.FromSeconds(LambdaLimits.InitTimeoutSeconds) + emulator.Options.Timeout + TimeSpan.FromSeconds(5);
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        abandon.CancelAfter(limit);
        var watch = Stopwatch.StartNew();
        LocalInvocation? answered;
        try
        {
            answered = await function.InvokeAsync(payload, new TestInvocation { RequestId = requestId }, abandon.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SimulationAbortedException(ExitCodes.Timeout, string.Create(CultureInfo.InvariantCulture, $"The function did not take an event within {limit.TotalSeconds:0} seconds of being invoked (init {LambdaLimits.InitTimeoutSeconds} s + timeout {emulator.Options.Timeout.TotalSeconds:0} s)."));
        }
        catch (FunctionProcessException ex)
        {
            throw new SimulationAbortedException(ExitCodes.ProcessFailed, ex.Message);
        }

        watch.Stop();
        if (answered is not { Result: var result })
        {
            var tail = function.StandardErrorTail is { Length: > 0 } lines ? Environment.NewLine + "Its last stderr lines:" + Environment.NewLine + lines : string.Empty;
            throw new SimulationAbortedException(ExitCodes.ProcessFailed, $"The function process exited twice before taking an event.{tail}");
        }

        if (result.Status == EmulatedInvocationStatus.InitError)
        {
            throw new SimulationAbortedException(ExitCodes.InitError, $"The function failed its init: {result.BodyText}");
        }

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
            await function.RetireAsync(kind == InvocationKind.Timeout ? "timed out" : "failed").ConfigureAwait(false);
        }

        return new FunctionInvocation(kind, result.RequestId, result.Body.ToArray(), result.ErrorType, watch.Elapsed);
    }
}
