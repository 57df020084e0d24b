namespace Lambda.Toolkit.Batch.Idempotency;

/// <summary>
/// A record could not be claimed: another invocation is handling it right now, or the idempotency store
/// failed. The record is reported failed without being handled or dead-lettered, so it is delivered again.
/// </summary>
public sealed class IdempotencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IdempotencyException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the record was not claimed.</param>
    public IdempotencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the record was not claimed.</param>
    /// <param name="innerException">The store's failure.</param>
    public IdempotencyException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
