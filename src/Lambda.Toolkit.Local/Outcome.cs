using System.Globalization;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.Local;

/// <summary>
/// How an invocation ended, as Lambda would report it: the exit code, the REPORT line's <c>Status</c> and
/// <c>Error Type</c>, the error body Lambda would return in place of the function's, and a one-line explanation.
/// </summary>
/// <param name="ExitCode">The tool's exit code for it.</param>
/// <param name="Status">REPORT's <c>Status</c> (<c>timeout</c>, <c>error</c>), or <see langword="null"/> when REPORT has none.</param>
/// <param name="ErrorType">REPORT's <c>Error Type</c>, for errors Lambda itself reports (out of memory, runtime exit).</param>
/// <param name="Body">The body Lambda returns instead of the emulator's, or <see langword="null"/> to keep it.</param>
/// <param name="Message">A line for stderr, or <see langword="null"/>.</param>
internal readonly record struct Outcome(int ExitCode, string? Status, string? ErrorType, string? Body, string? Message)
{
    /// <summary>Lambda's error type when the runtime process exits during an invocation.</summary>
    public const string ExitError = "Runtime.ExitError";

    /// <summary>Lambda's error type when the function runs out of memory.</summary>
    public const string OutOfMemory = "Runtime.OutOfMemory";

    /// <summary>Lambda's error type for a response over the payload limit.</summary>
    public const string ResponseSizeTooLarge = "Function.ResponseSizeTooLarge";

    /// <summary>The emulator's error type when it refuses a response over the limit (its HTTP 413 to the runtime).</summary>
    private const string Refused = "RequestEntityTooLarge";

    /// <summary>Classifies an invocation's result.</summary>
    public static Outcome Of(EmulatedInvocationResult result)
    {
        if (result.Status == EmulatedInvocationStatus.Success)
        {
            return new(ExitCodes.Success, null, null, null, null);
        }

        // A handler that honours its token stops before the deadline and the toolkit reports Lambda.Toolkit.Timeout:
        // the same timeout as the emulator's own, seen a little earlier.
        if (result.Status == EmulatedInvocationStatus.Timeout || result.ErrorType == LambdaErrorTypes.Timeout)
        {
            return new(ExitCodes.Timeout, "timeout", null, null, null);
        }

        return result.ErrorType switch
        {
            Refused => new(
                ExitCodes.FunctionError,
                "error",
                ResponseSizeTooLarge,
                string.Create(CultureInfo.InvariantCulture, $$"""{"errorType":"{{ResponseSizeTooLarge}}","errorMessage":"Response payload size exceeded maximum allowed payload size ({{LambdaLimits.SyncPayloadBytes}} bytes)."}"""),
                string.Create(CultureInfo.InvariantCulture, $"The function's response is over Lambda's limit of {LambdaLimits.SyncPayloadBytes:N0} bytes (6 MB) for a synchronous invocation.")),
            OutOfMemory => new(ExitCodes.FunctionError, "error", OutOfMemory, null, "The function process went over its memory size (--memory) and was stopped, as Lambda stops a function that runs out of memory."),
            ExitError => new(ExitCodes.ProcessFailed, "error", ExitError, null, null),
            _ => new(ExitCodes.FunctionError, null, null, null, null),
        };
    }
}
