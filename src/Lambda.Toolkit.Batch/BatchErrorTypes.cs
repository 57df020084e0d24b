namespace Lambda.Toolkit.Batch;

/// <summary>
/// The <c>errorType</c> values the batch adapters report, on a dead letter's
/// <see cref="DeadLetter.DeadLetterMessage.ErrorType"/> and on the failure an asynchronous source (S3, SNS, SES, CloudWatch Logs,
/// EventBridge) rethrows to Lambda. They are stable: match on them. A failure of the record handler's own
/// making keeps its own error type (<see cref="LambdaFunctionException.ErrorType"/>, else the exception
/// type's name), as <see cref="FunctionError.FromException(Exception)"/> reports it.
/// </summary>
public static class BatchErrorTypes
{
    /// <summary>
    /// An SQS message was received more often than <see cref="DeadLetter.DeadLetterPolicy.MaxReceiveCount"/>
    /// allows, and was dead-lettered without being handled.
    /// </summary>
    public const string PoisonMessage = "Lambda.Toolkit.Batch.PoisonMessage";

    /// <summary>
    /// A record was left unprocessed without a failure of its own: the invocation's deadline came first, or
    /// the dead-letter sink refused it. It is reported failed, so it is delivered again.
    /// </summary>
    public const string RecordNotProcessed = "Lambda.Toolkit.Batch.RecordNotProcessed";

    /// <summary>
    /// Another invocation holds the record's idempotency claim (<see cref="Idempotency.IdempotencyException"/>):
    /// the record is reported failed without being handled, and comes back later.
    /// </summary>
    public const string IdempotencyConflict = "Lambda.Toolkit.Batch.IdempotencyConflict";

    /// <summary>
    /// The idempotency store failed to claim the record (<see cref="Idempotency.IdempotencyException"/> with the
    /// store's exception as its cause): the record is reported failed without being handled.
    /// </summary>
    public const string IdempotencyStoreFailed = "Lambda.Toolkit.Batch.IdempotencyStoreFailed";

    /// <summary>
    /// A record's payload could not be read as the handler's type (<see cref="Retry.RecordBindingException"/>):
    /// a permanent failure of that record only, never retried.
    /// </summary>
    public const string InvalidRecord = "Lambda.Toolkit.Batch.InvalidRecord";

    /// <summary>
    /// The handler threw a <see cref="Retry.PermanentFailureException"/> (a failure retrying cannot fix) that
    /// names no error type of its own: never retried.
    /// </summary>
    public const string PermanentFailure = "Lambda.Toolkit.Batch.PermanentFailure";
}
