namespace Lambda.Toolkit.Batch.Retry;

/// <summary>
/// Thrown by a record handler for a failure that retrying cannot fix (invalid data, a business rule):
/// the record is not retried within the invocation. It still counts as failed, or goes to the dead-letter
/// sink when one is configured.
/// </summary>
public class PermanentFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PermanentFailureException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the record cannot be processed.</param>
    public PermanentFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the record cannot be processed.</param>
    /// <param name="innerException">The cause.</param>
    public PermanentFailureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
