namespace Lambda.Toolkit.Runtime;

/// <summary>How an invocation ended: with the context's response, or with an error.</summary>
/// <param name="Error">The error to report, or <see langword="null"/> when the response is to be sent.</param>
/// <param name="Abandoned">The handler is still running after a timeout: its context and payload must not be reused.</param>
internal readonly record struct InvocationOutcome(FunctionError? Error, bool Abandoned)
{
    public static InvocationOutcome Success => default;
}
