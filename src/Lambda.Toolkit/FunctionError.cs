namespace Lambda.Toolkit;

/// <summary>
/// An invocation's failure as Lambda receives it: the body of the Runtime API's error call
/// (<c>errorType</c>, <c>errorMessage</c>, <c>stackTrace</c>) and the
/// <c>Lambda-Runtime-Function-Error-Type</c> header, which carries <see cref="ErrorType"/>.
/// </summary>
public sealed class FunctionError
{
    /// <summary>Creates an error report.</summary>
    /// <param name="errorType">A short, stable name for the kind of failure.</param>
    /// <param name="errorMessage">What went wrong.</param>
    /// <param name="stackTrace">Stack frames, outermost exception first; may be empty.</param>
    public FunctionError(string errorType, string errorMessage, IReadOnlyList<string>? stackTrace = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType);
        ErrorType = errorType;
        ErrorMessage = errorMessage ?? string.Empty;
        StackTrace = stackTrace ?? [];
    }

    /// <summary>A short, stable name for the kind of failure; also sent as the error-type header.</summary>
    public string ErrorType { get; }

    /// <summary>What went wrong.</summary>
    public string ErrorMessage { get; }

    /// <summary>Stack frames, one per entry; empty when none are reported.</summary>
    public IReadOnlyList<string> StackTrace { get; }

    /// <summary>The error as the body of the Runtime API's error calls: <c>{"errorType":…,"errorMessage":…,"stackTrace":[…]}</c>.</summary>
    /// <returns>UTF-8 JSON.</returns>
    public byte[] ToUtf8Json() => Runtime.Requests.ErrorPayload.Serialize(this);

    /// <summary>
    /// The default mapping from an exception: <see cref="LambdaFunctionException.ErrorType"/> when the
    /// exception provides one, else the exception type's name (as Lambda's managed .NET runtime does);
    /// the message; and the stack trace lines, inner exceptions included.
    /// </summary>
    /// <param name="exception">The exception to report.</param>
    /// <returns>The error report.</returns>
    public static FunctionError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var errorType = exception is LambdaFunctionException lambda ? lambda.ErrorType : exception.GetType().Name;
        var frames = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!ReferenceEquals(current, exception))
            {
                frames.Add($"--- Caused by {current.GetType().FullName}: {current.Message}");
            }

            var trace = current.StackTrace;
            if (trace is null)
            {
                continue;
            }

            foreach (var line in trace.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.Length > 0)
                {
                    frames.Add(trimmed);
                }
            }
        }

        return new FunctionError(errorType, exception.Message, frames);
    }
}
