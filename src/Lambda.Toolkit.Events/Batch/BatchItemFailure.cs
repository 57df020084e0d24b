using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Batch;

/// <summary>
/// One record a batch handler could not process: SQS message id, or Kinesis / DynamoDB Streams sequence number.
/// </summary>
public sealed class BatchItemFailure
{
    /// <summary>
    /// The message id (SQS) or sequence number (streams) of the failed record.
    /// </summary>
    [JsonPropertyName("itemIdentifier")]
    [JsonRequired]
    public required string ItemIdentifier { get; set; }
}
