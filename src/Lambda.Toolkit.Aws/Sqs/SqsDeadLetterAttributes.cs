namespace Lambda.Toolkit.Aws.Sqs;

/// <summary>The message attributes the SQS dead-letter sink adds to every message it sends.</summary>
public static class SqsDeadLetterAttributes
{
    /// <summary>The failure's type.</summary>
    public const string ErrorType = "DeadLetter.ErrorType";

    /// <summary>The failure's message (at most 1,024 characters).</summary>
    public const string ErrorMessage = "DeadLetter.ErrorMessage";

    /// <summary>Where the record came from: the source queue or stream ARN.</summary>
    public const string Source = "DeadLetter.Source";

    /// <summary>The record's id in its source: the SQS message id or the stream sequence number.</summary>
    public const string RecordId = "DeadLetter.RecordId";

    /// <summary>
    /// The record's correlation id (<see cref="Batch.DeadLetter.DeadLetterMessage.CorrelationId"/>): <c>x-correlation-id</c>, the
    /// same name the SQS adapter reads it from, so a redriven message keeps its correlation. Always carried, ahead of the
    /// original attributes.
    /// </summary>
    public const string CorrelationId = Logging.LambdaLogKeys.CorrelationIdHeader;

    /// <summary>The names of original attributes that could not be carried (SQS allows 10 per message; unknown data types cannot be sent).</summary>
    public const string DroppedAttributes = "DeadLetter.DroppedAttributes";
}
