namespace Lambda.Toolkit;

/// <summary>
/// An exception that names its own Lambda <c>errorType</c>. Throw it (or derive from it) when callers,
/// Step Functions retriers or destinations should see a stable error type rather than a .NET type name.
/// </summary>
public class LambdaFunctionException : Exception
{
    /// <summary>Creates the exception with a default error type (<c>FunctionError</c>).</summary>
    public LambdaFunctionException()
        : this("FunctionError", "The function failed.")
    {
    }

    /// <summary>Creates the exception with a default error type (<c>FunctionError</c>).</summary>
    /// <param name="message">What went wrong.</param>
    public LambdaFunctionException(string message)
        : this("FunctionError", message)
    {
    }

    /// <summary>Creates the exception with a default error type (<c>FunctionError</c>).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LambdaFunctionException(string message, Exception? innerException)
        : this("FunctionError", message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="errorType">The <c>errorType</c> reported to Lambda.</param>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public LambdaFunctionException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType);
        ErrorType = errorType;
    }

    /// <summary>The <c>errorType</c> reported to Lambda.</summary>
    public string ErrorType { get; }
}
