using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds an SQS batch as Lambda's event source mapping delivers it: message ids, receipt handles, MD5s of body
/// and attributes, the queue ARN, and for a FIFO queue (a name ending <c>.fifo</c>) group ids, deduplication ids
/// and increasing sequence numbers.
/// </summary>
/// <example>
/// <code>
/// var batch = new SqsEventBuilder("orders.fifo")
///     .AddMessage("""{"orderId":1}""", m => m.GroupId = "customer-7")
///     .AddMessage("""{"orderId":2}""", m => m.WithStringAttribute("kind", "retry"))
///     .ToJson();
/// </code>
/// </example>
public sealed class SqsEventBuilder
{
    private readonly string _queueName;
    private readonly List<(string Body, SqsMessageOptions Options)> _messages = [];
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private DateTimeOffset? _time;

    /// <summary>Starts a batch from the named queue.</summary>
    /// <param name="queueName">The queue name; a name ending <c>.fifo</c> makes a FIFO batch. Default: <c>test-queue</c>.</param>
    public SqsEventBuilder(string queueName = "test-queue")
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        _queueName = queueName;
    }

    /// <summary>Whether the queue is a FIFO queue (its name ends <c>.fifo</c>).</summary>
    public bool IsFifo => _queueName.EndsWith(".fifo", StringComparison.Ordinal);

    /// <summary>The queue ARN every message carries as <c>eventSourceARN</c>.</summary>
    public string QueueArn => $"arn:aws:sqs:{_region}:{_accountId}:{_queueName}";

    /// <summary>Sets the queue's region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public SqsEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the queue's account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public SqsEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when the messages were sent and first received. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public SqsEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds a message with a text body.</summary>
    /// <param name="body">The message body, as sent.</param>
    /// <param name="configure">Sets the message's id, FIFO ids, receive count or attributes.</param>
    /// <returns>This builder.</returns>
    public SqsEventBuilder AddMessage(string body, Action<SqsMessageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        var options = new SqsMessageOptions();
        configure?.Invoke(options);
        if (options.ReceiveCount < 1)
        {
            throw new ArgumentException("A received message has a receive count of at least 1.", nameof(configure));
        }

        _messages.Add((body, options));
        return this;
    }

    /// <summary>Adds a message whose body is <paramref name="value"/> serialized as JSON.</summary>
    /// <typeparam name="T">The body type.</typeparam>
    /// <param name="value">The body value.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="configure">Sets the message's id, FIFO ids, receive count or attributes.</param>
    /// <returns>This builder.</returns>
    public SqsEventBuilder AddMessage<T>(T value, JsonTypeInfo<T> jsonTypeInfo, Action<SqsMessageOptions>? configure = null) =>
        AddMessage(JsonSerializer.Serialize(value, jsonTypeInfo), configure);

    /// <summary>Builds the batch.</summary>
    /// <returns>A new <see cref="SqsEvent"/>, one record per added message, in order.</returns>
    public SqsEvent Build()
    {
        var time = _time ?? DateTimeOffset.UtcNow;
        var sequence = decimal.Parse(EventIds.DecimalDigits(20), CultureInfo.InvariantCulture);
        var records = new List<SqsMessage>(_messages.Count);
        foreach (var (body, options) in _messages)
        {
            var sent = options.SentAt ?? time;
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["ApproximateReceiveCount"] = options.ReceiveCount.ToString(CultureInfo.InvariantCulture),
                ["SentTimestamp"] = EventIds.EpochMillisecondsText(sent),
                ["SenderId"] = "AIDAIENQZJOLO23YVJ4VO",
                ["ApproximateFirstReceiveTimestamp"] = EventIds.EpochMillisecondsText(sent.AddMilliseconds(7)),
            };
            if (IsFifo)
            {
                attributes["SequenceNumber"] = sequence.ToString(CultureInfo.InvariantCulture);
                attributes["MessageGroupId"] = options.GroupId ?? "default";
                attributes["MessageDeduplicationId"] = options.DeduplicationId ?? EventIds.Sha256Hex(body);
                sequence += 1;
            }

            records.Add(new SqsMessage
            {
                MessageId = options.MessageId ?? EventIds.Uuid(),
                ReceiptHandle = EventIds.ReceiptHandle(),
                Body = body,
                Attributes = attributes,
                MessageAttributes = new Dictionary<string, SqsMessageAttribute>(options.Attributes, StringComparer.Ordinal),
                Md5OfBody = EventIds.Md5Hex(Encoding.UTF8.GetBytes(body)),
                Md5OfMessageAttributes = SqsMessageOptions.Md5OfAttributes(options.Attributes),
                EventSource = "aws:sqs",
                EventSourceArn = QueueArn,
                AwsRegion = _region,
            });
        }

        return new SqsEvent { Records = records };
    }

    /// <summary>Builds the batch and serializes it with <see cref="SqsJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), SqsJsonContext.Default.SqsEvent);
}
