using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AmazonMq;

/// <summary>
/// A batch from an Amazon MQ for ActiveMQ event source mapping: the messages of one queue, in the order the broker
/// delivered them. Lambda invokes the function synchronously; there is no partial batch response, so when the
/// invocation fails the whole batch goes back to the broker and comes again.
/// </summary>
public sealed class ActiveMqEvent
{
    /// <summary>The <see cref="EventSource"/> Lambda documents for ActiveMQ.</summary>
    public const string ActiveMqEventSource = "aws:mq";

    /// <summary><c>aws:mq</c> (<see cref="ActiveMqEventSource"/>); some AWS samples carry <c>aws:amq</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The broker's ARN.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; set; }

    /// <summary>The messages, in delivery order.</summary>
    [JsonPropertyName("messages")]
    [JsonRequired]
    public required IList<ActiveMqMessage> Messages { get; set; }
}
