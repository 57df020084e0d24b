namespace Lambda.Toolkit.Local.Simulation;

/// <summary>How one invocation of the function ended, as the service that invoked it sees it.</summary>
internal enum InvocationKind
{
    /// <summary>The function answered with a response.</summary>
    Success,

    /// <summary>The function answered with an error (Lambda's <c>Unhandled</c> function error).</summary>
    FunctionError,

    /// <summary>The function did not answer before its timeout; Lambda resets the environment.</summary>
    Timeout,

    /// <summary>The runtime process exited or ran out of memory during the invocation; Lambda starts a new environment.</summary>
    EnvironmentFailed,
}

/// <summary>One invocation's result.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="RequestId">The request id the function saw.</param>
/// <param name="Body">The response, or the error body.</param>
/// <param name="ErrorType">The error type, when it did not succeed.</param>
/// <param name="Duration">Real time spent, from the request to the answer (a cold start's init included): the engine adds it to the virtual clock.</param>
internal sealed record FunctionInvocation(InvocationKind Kind, string RequestId, byte[] Body, string? ErrorType, TimeSpan Duration)
{
    /// <summary>Whether the function answered with a response.</summary>
    public bool Succeeded => Kind == InvocationKind.Success;

    /// <summary>A short account of a failure for the fate table (error type, timeout, crash).</summary>
    public string Describe() => Kind switch
    {
        InvocationKind.Success => "the function succeeded",
        InvocationKind.FunctionError => $"the function failed ({ErrorType ?? "Unhandled"})",
        InvocationKind.Timeout => "the function timed out",
        _ => $"the execution environment failed ({ErrorType ?? "Runtime.ExitError"})",
    };
}

/// <summary>Invokes the function synchronously, one invocation at a time, as the simulated service does.</summary>
internal interface IFunctionInvoker
{
    /// <summary>Invokes the function with <paramref name="payload"/> and waits for its answer.</summary>
    /// <param name="payload">The event.</param>
    /// <param name="requestId">The request id, or <see langword="null"/> for a new one (an async retry keeps its event's id).</param>
    /// <param name="cancellationToken">Stops the simulation.</param>
    /// <exception cref="SimulationAbortedException">The function cannot run at all (init error, it cannot start).</exception>
    ValueTask<FunctionInvocation> InvokeAsync(byte[] payload, string? requestId, CancellationToken cancellationToken);
}

/// <summary>The function cannot run at all, so the simulation stops: an init error, a build or start failure.</summary>
/// <param name="exitCode">The tool's exit code for it.</param>
/// <param name="message">What happened.</param>
internal sealed class SimulationAbortedException(int exitCode, string message) : Exception(message)
{
    /// <summary>The tool's exit code for it (<see cref="ExitCodes"/>).</summary>
    public int ExitCode { get; } = exitCode;
}
