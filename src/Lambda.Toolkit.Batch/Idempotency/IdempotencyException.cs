namespace Lambda.Toolkit.Batch.Idempotency;

/// <summary>
/// A record could not be claimed: another invocation is handling it right now
/// (<see cref="BatchErrorTypes.IdempotencyConflict"/>), or the idempotency store failed
/// (<see cref="BatchErrorTypes.IdempotencyStoreFailed"/>). The record is reported failed without being
/// handled or dead-lettered, so it is delivered again.
/// </summary>
public sealed class IdempotencyException : LambdaFunctionException
{
    /// <summary>Creates the exception for a conflict (<see cref="BatchErrorTypes.IdempotencyConflict"/>).</summary>
    public IdempotencyException()
        : base(BatchErrorTypes.IdempotencyConflict, "Another invocation is handling the record.")
    {
    }

    /// <summary>Creates the exception for a conflict (<see cref="BatchErrorTypes.IdempotencyConflict"/>).</summary>
    /// <param name="message">Why the record was not claimed.</param>
    public IdempotencyException(string message)
        : base(BatchErrorTypes.IdempotencyConflict, message)
    {
    }

    /// <summary>Creates the exception for a store failure (<see cref="BatchErrorTypes.IdempotencyStoreFailed"/>).</summary>
    /// <param name="message">Why the record was not claimed.</param>
    /// <param name="innerException">The store's failure.</param>
    public IdempotencyException(string message, Exception? innerException)
        : base(BatchErrorTypes.IdempotencyStoreFailed, message, innerException)
    {
    }
}
