using System.Globalization;
using Lambda.Toolkit.Events.AmazonMq;

namespace Lambda.Toolkit.Batch.AmazonMq;

/// <summary>
/// One message of a RabbitMQ batch with the queue it came from (a RabbitMQ message does not carry its queue: the event
/// groups messages under <c>queue::virtual-host</c> keys).
/// </summary>
public sealed class RabbitMqRecord
{
    /// <summary>Creates a record: the adapter makes one per message; a unit test makes one to call a handler directly.</summary>
    /// <param name="message">The message.</param>
    /// <param name="queue">The queue's name.</param>
    /// <param name="virtualHost">The queue's virtual host, for example <c>/</c>.</param>
    /// <param name="index">The message's position in its queue's list in this batch, from 0.</param>
    /// <param name="eventSourceArn">The broker's ARN, when the event carries it.</param>
    public RabbitMqRecord(RabbitMqMessage message, string queue, string virtualHost, int index, string? eventSourceArn = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(virtualHost);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Message = message;
        Queue = queue;
        VirtualHost = virtualHost;
        Index = index;
        EventSourceArn = eventSourceArn;
    }

    /// <summary>The message.</summary>
    public RabbitMqMessage Message { get; }

    /// <summary>The queue's name.</summary>
    public string Queue { get; }

    /// <summary>The queue's virtual host.</summary>
    public string VirtualHost { get; }

    /// <summary>The message's position in its queue's list in this batch, from 0.</summary>
    public int Index { get; }

    /// <summary>The broker's ARN, when the event carries it.</summary>
    public string? EventSourceArn { get; }

    /// <summary>
    /// The record's id in logs, hooks, dead letters and failures: the publisher's <c>messageId</c> when it set one, else
    /// <c>queue::virtual-host[index]</c>.
    /// </summary>
    public string Id => Message.BasicProperties?.MessageId is { Length: > 0 } id ? id : string.Create(CultureInfo.InvariantCulture, $"{Queue}::{VirtualHost}[{Index}]");
}
