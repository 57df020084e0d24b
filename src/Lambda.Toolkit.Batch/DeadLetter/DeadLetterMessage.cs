using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Batch.DeadLetter;

/// <summary>A record on its way to a dead-letter sink: its payload and attributes, and why it failed.</summary>
public sealed class DeadLetterMessage
{
    /// <summary>Creates a message.</summary>
    /// <param name="recordId">The record's id (SQS message id, stream sequence number).</param>
    /// <param name="body">The record's payload, unchanged.</param>
    /// <param name="errorType">The failure's type.</param>
    /// <param name="errorMessage">The failure's message.</param>
    public DeadLetterMessage(string recordId, string body, string errorType, string errorMessage)
    {
        RecordId = recordId;
        Body = body;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
    }

    /// <summary>The record's id (SQS message id, stream sequence number).</summary>
    public string RecordId { get; }

    /// <summary>The record's payload, unchanged (an SQS body; a stream record's data or image JSON).</summary>
    public string Body { get; }

    /// <summary>
    /// The failure's type, the same string the failure would report to Lambda: a <see cref="LambdaFunctionException"/>'s
    /// <see cref="LambdaFunctionException.ErrorType"/> (for example <see cref="BatchErrorTypes.PermanentFailure"/>),
    /// else the exception type's name; <see cref="BatchErrorTypes.PoisonMessage"/> when the receive count passed its threshold.
    /// </summary>
    public string ErrorType { get; }

    /// <summary>The failure's message.</summary>
    public string ErrorMessage { get; }

    /// <summary>Where the record came from (the queue or stream ARN).</summary>
    public string? Source { get; init; }

    /// <summary>The SQS message attributes, to be preserved.</summary>
    public IReadOnlyDictionary<string, SqsMessageAttribute>? Attributes { get; init; }

    /// <summary>The FIFO message group id, when the source is a FIFO queue.</summary>
    public string? MessageGroupId { get; init; }

    /// <summary>How often the record had been received.</summary>
    public int ReceiveCount { get; init; }

    /// <summary>
    /// The record's correlation id (see <see cref="RecordContext{TRecord}.CorrelationId"/>), for the sink to pass on:
    /// the SQS sink sends it as the <c>x-correlation-id</c> message attribute.
    /// </summary>
    public string? CorrelationId { get; init; }
}
