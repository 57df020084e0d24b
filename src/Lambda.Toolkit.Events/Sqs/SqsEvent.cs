using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Sqs;

/// <summary>
/// An SQS event: a batch of messages from one queue.
/// </summary>
public sealed class SqsEvent
{
    /// <summary>
    /// The messages.
    /// </summary>
    [JsonPropertyName("Records")]
    [JsonRequired]
    public required IList<SqsMessage> Records { get; set; }
}
