using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.AmazonMq;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds an Amazon MQ for ActiveMQ batch as Lambda's event source mapping delivers it: <c>eventSource</c> <c>aws:mq</c>,
/// the broker ARN, JMS message ids, base64 bodies (<c>jms/text-message</c> for text, <c>jms/bytes-message</c> for
/// bytes), the queue as the destination and epoch-millisecond send and broker times.
/// </summary>
/// <example>
/// <code>
/// var batch = new ActiveMqEventBuilder("orders")
///     .AddMessage("""{"orderId":1}""")
///     .AddMessage(new OrderPlaced(2), MyJson.Default.OrderPlaced, m => m.Properties = new() { ["kind"] = "retry" })
///     .ToJson();
/// </code>
/// </example>
public sealed class ActiveMqEventBuilder
{
    private readonly string _queueName;
    private readonly string _brokerId = "b-" + EventIds.Uuid();
    private readonly List<(byte[] Data, bool Text, string? MessageId, bool Redelivered, IReadOnlyDictionary<string, string>? Properties)> _messages = [];
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private DateTimeOffset? _time;

    /// <summary>Starts a batch from the named queue.</summary>
    /// <param name="queueName">The queue. Default: <c>test-queue</c>.</param>
    public ActiveMqEventBuilder(string queueName = "test-queue")
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        _queueName = queueName;
    }

    /// <summary>The broker ARN the event carries as <c>eventSourceArn</c>.</summary>
    public string BrokerArn => $"arn:aws:mq:{_region}:{_accountId}:broker:test-broker:{_brokerId}";

    /// <summary>Sets the broker's region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public ActiveMqEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the broker's account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public ActiveMqEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when the messages were sent. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public ActiveMqEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds a text message whose body is the UTF-8 of <paramref name="text"/>.</summary>
    /// <param name="text">The body.</param>
    /// <param name="messageId">The JMS message id; <see langword="null"/> (default) for a generated one.</param>
    /// <param name="redelivered">Whether the broker delivered it before. Default: <see langword="false"/>.</param>
    /// <param name="properties">JMS string properties.</param>
    /// <returns>This builder.</returns>
    public ActiveMqEventBuilder AddMessage(string text, string? messageId = null, bool redelivered = false, IReadOnlyDictionary<string, string>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        _messages.Add((Encoding.UTF8.GetBytes(text), true, messageId, redelivered, properties));
        return this;
    }

    /// <summary>Adds a bytes message.</summary>
    /// <param name="data">The body.</param>
    /// <param name="messageId">The JMS message id; <see langword="null"/> (default) for a generated one.</param>
    /// <param name="redelivered">Whether the broker delivered it before. Default: <see langword="false"/>.</param>
    /// <param name="properties">JMS string properties.</param>
    /// <returns>This builder.</returns>
    public ActiveMqEventBuilder AddMessage(ReadOnlySpan<byte> data, string? messageId = null, bool redelivered = false, IReadOnlyDictionary<string, string>? properties = null)
    {
        _messages.Add((data.ToArray(), false, messageId, redelivered, properties));
        return this;
    }

    /// <summary>Adds a text message whose body is <paramref name="value"/> serialized as JSON.</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="messageId">The JMS message id; <see langword="null"/> (default) for a generated one.</param>
    /// <returns>This builder.</returns>
    public ActiveMqEventBuilder AddMessage<T>(T value, JsonTypeInfo<T> jsonTypeInfo, string? messageId = null) =>
        AddMessage(Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(value, jsonTypeInfo)), messageId);

    /// <summary>Builds the batch.</summary>
    /// <returns>A new <see cref="ActiveMqEvent"/>, one message per added message, in order.</returns>
    public ActiveMqEvent Build()
    {
        var sent = (_time ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds();
        var connection = string.Create(CultureInfo.InvariantCulture, $"ID:{_brokerId}-1.mq.{_region}.amazonaws.com-37557-{sent}-3:1");
        var messages = new List<ActiveMqMessage>(_messages.Count);
        foreach (var (data, text, messageId, redelivered, properties) in _messages)
        {
            messages.Add(new ActiveMqMessage
            {
                MessageId = messageId ?? string.Create(CultureInfo.InvariantCulture, $"{connection}:1:1:{messages.Count + 1}"),
                MessageType = text ? "jms/text-message" : "jms/bytes-message",
                Data = Convert.ToBase64String(data),
                ConnectionId = connection,
                Redelivered = redelivered,
                Destination = new ActiveMqDestination { PhysicalName = _queueName },
                Timestamp = sent,
                BrokerInTime = sent,
                BrokerOutTime = sent + 1,
                Properties = properties is null ? new Dictionary<string, JsonElement>(StringComparer.Ordinal) : ToJson(properties),
            });
        }

        return new ActiveMqEvent { EventSource = ActiveMqEvent.ActiveMqEventSource, EventSourceArn = BrokerArn, Messages = messages };
    }

    /// <summary>Builds the batch and serializes it with <see cref="AmazonMqJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), AmazonMqJsonContext.Default.ActiveMqEvent);

    private static Dictionary<string, JsonElement> ToJson(IReadOnlyDictionary<string, string> properties)
    {
        var json = new Dictionary<string, JsonElement>(properties.Count, StringComparer.Ordinal);
        foreach (var (name, value) in properties)
        {
            json[name] = JsonSerializer.SerializeToElement(value, AmazonMqJsonContext.Default.String);
        }

        return json;
    }
}
