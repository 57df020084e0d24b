namespace Lambda.Toolkit.Batch.Retry;

/// <summary>
/// Thrown by a record handler for a failure that retrying cannot fix (invalid data, a business rule):
/// the record is not retried within the invocation. It still counts as failed, or goes to the dead-letter
/// sink when one is configured. Reported with <see cref="BatchErrorTypes.PermanentFailure"/> unless a
/// derived type names its own error type.
/// </summary>
public class PermanentFailureException : LambdaFunctionException
{
    /// <summary>Creates the exception.</summary>
    public PermanentFailureException()
        : this(BatchErrorTypes.PermanentFailure, "The record cannot be processed.", null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the record cannot be processed.</param>
    public PermanentFailureException(string message)
        : this(BatchErrorTypes.PermanentFailure, message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the record cannot be processed.</param>
    /// <param name="innerException">The cause.</param>
    public PermanentFailureException(string message, Exception? innerException)
        : this(BatchErrorTypes.PermanentFailure, message, innerException)
    {
    }

    /// <summary>Creates the exception with an error type of its own, for a derived type that names its kind of failure.</summary>
    /// <param name="errorType">The <c>errorType</c> reported to Lambda and written on the dead letter.</param>
    /// <param name="message">Why the record cannot be processed.</param>
    /// <param name="innerException">The cause, if any.</param>
    protected PermanentFailureException(string errorType, string message, Exception? innerException)
        : base(errorType, message, innerException)
    {
    }
}
