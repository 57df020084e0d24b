using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AmazonMq;

/// <summary>
/// A batch from an Amazon MQ for RabbitMQ event source mapping: messages grouped by queue, keyed
/// <c>queue::virtual-host</c> (for example <c>orders::/</c>), each list in delivery order. Lambda invokes the function
/// synchronously; there is no partial batch response, so when the invocation fails the whole batch comes again.
/// </summary>
public sealed class RabbitMqEvent
{
    /// <summary>The <see cref="EventSource"/> of a RabbitMQ event.</summary>
    public const string RabbitMqEventSource = "aws:rmq";

    /// <summary><c>aws:rmq</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The broker's ARN.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; set; }

    /// <summary>The messages, keyed <c>queue::virtual-host</c>.</summary>
    [JsonPropertyName("rmqMessagesByQueue")]
    [JsonRequired]
    public required IDictionary<string, IList<RabbitMqMessage>> MessagesByQueue { get; set; }
}
