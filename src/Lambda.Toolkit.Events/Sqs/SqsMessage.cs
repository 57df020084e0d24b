using Lambda.Toolkit.Events.Sns;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Sqs;

/// <summary>
/// One SQS message delivered to Lambda.
/// </summary>
public sealed class SqsMessage
{
    /// <summary>
    /// The message id; report it in a BatchItemFailure to have only this message retried.
    /// </summary>
    [JsonPropertyName("messageId")]
    [JsonRequired]
    public required string MessageId { get; set; }

    /// <summary>
    /// The receipt handle.
    /// </summary>
    [JsonPropertyName("receiptHandle")]
    public string? ReceiptHandle { get; set; }

    /// <summary>
    /// The message body.
    /// </summary>
    [JsonPropertyName("body")]
    [JsonRequired]
    public required string Body { get; set; }

    /// <summary>
    /// The MD5 digest of the body.
    /// </summary>
    [JsonPropertyName("md5OfBody")]
    public string? Md5OfBody { get; set; }

    /// <summary>
    /// The MD5 digest of the message attributes.
    /// </summary>
    [JsonPropertyName("md5OfMessageAttributes")]
    public string? Md5OfMessageAttributes { get; set; }

    /// <summary>
    /// The ARN of the queue; FIFO queue names end in .fifo.
    /// </summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>
    /// aws:sqs.
    /// </summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>
    /// The queue's region.
    /// </summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>
    /// System attributes: ApproximateReceiveCount, SentTimestamp, MessageGroupId, MessageDeduplicationId,
    /// SequenceNumber, ...
    /// </summary>
    [JsonPropertyName("attributes")]
    public Dictionary<string, string>? Attributes { get; set; }

    /// <summary>
    /// The message attributes set by the sender.
    /// </summary>
    [JsonPropertyName("messageAttributes")]
    public Dictionary<string, SqsMessageAttribute>? MessageAttributes { get; set; }

    /// <summary>How many times the message has been received (the ApproximateReceiveCount attribute); 0 when absent.</summary>
    [JsonIgnore]
    public int ApproximateReceiveCount =>
        Attributes is not null && Attributes.TryGetValue("ApproximateReceiveCount", out var count) && int.TryParse(count, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The FIFO message group id, or <see langword="null"/> on a standard queue.</summary>
    [JsonIgnore]
    public string? MessageGroupId => Attributes is not null && Attributes.TryGetValue("MessageGroupId", out var id) ? id : null;

    /// <summary>Whether the message comes from a FIFO queue (its ARN ends in .fifo, or it has a message group id).</summary>
    [JsonIgnore]
    public bool IsFromFifoQueue => MessageGroupId is not null || (EventSourceArn?.EndsWith(".fifo", StringComparison.Ordinal) ?? false);

    /// <summary>When the message was sent (the SentTimestamp attribute).</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetSentTime() => EpochTime.FromMilliseconds(Attributes?.GetValueOrDefault("SentTimestamp"));

    /// <summary>A message attribute by name, or <see langword="null"/>.</summary>
    /// <param name="name">The attribute name (case-sensitive, as SQS names are).</param>
    /// <returns>The attribute.</returns>
    public SqsMessageAttribute? GetMessageAttribute(string name) => MessageAttributes?.GetValueOrDefault(name);

    /// <summary>Reads the body as an SNS notification (an SNS topic delivering to this queue without raw message delivery).</summary>
    /// <returns>The notification.</returns>
    /// <exception cref="EventDeserializationException">The body is not an SNS notification.</exception>
    public SnsNotification ReadSnsNotification()
    {
        var notification = LambdaEventSerializer.Deserialize(Body, SnsJsonContext.Default.SnsNotification);
        return notification.Type is null || notification.Message is null
            ? throw new EventDeserializationException(typeof(SnsNotification), "$", "the body has no SNS Type and Message.")
            : notification;
    }

    /// <summary>Reads the body as an SNS notification when it is one.</summary>
    /// <param name="notification">The notification, when the body is one.</param>
    /// <returns>Whether the body is an SNS notification.</returns>
    public bool TryReadSnsNotification([NotNullWhen(true)] out SnsNotification? notification)
    {
        try
        {
            notification = ReadSnsNotification();
            return true;
        }
        catch (EventDeserializationException)
        {
            notification = null;
            return false;
        }
    }
}
