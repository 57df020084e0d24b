using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.AmazonMq;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds an Amazon MQ for RabbitMQ batch as Lambda's event source mapping delivers it: <c>eventSource</c>
/// <c>aws:rmq</c>, the broker ARN, messages under a <c>queue::virtual-host</c> key, base64 bodies and AMQP basic
/// properties (content type, delivery mode, body size, the publisher's message id when given, the broker's timestamp format).
/// </summary>
/// <example>
/// <code>
/// var batch = new RabbitMqEventBuilder("orders")
///     .AddMessage("""{"orderId":1}""", messageId: "order-1")
///     .AddMessage(new OrderPlaced(2), MyJson.Default.OrderPlaced)
///     .ToJson();
/// </code>
/// </example>
public sealed class RabbitMqEventBuilder
{
    private readonly string _queueName;
    private readonly string _virtualHost;
    private readonly string _brokerId = "b-" + EventIds.Uuid();
    private readonly List<(byte[] Data, string ContentType, string? MessageId, bool Redelivered, IReadOnlyDictionary<string, string>? Headers)> _messages = [];
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private DateTimeOffset? _time;

    /// <summary>Starts a batch from the named queue.</summary>
    /// <param name="queueName">The queue. Default: <c>test-queue</c>.</param>
    /// <param name="virtualHost">The queue's virtual host. Default: <c>/</c>.</param>
    public RabbitMqEventBuilder(string queueName = "test-queue", string virtualHost = "/")
    {
        ArgumentException.ThrowIfNullOrEmpty(queueName);
        ArgumentException.ThrowIfNullOrEmpty(virtualHost);
        _queueName = queueName;
        _virtualHost = virtualHost;
    }

    /// <summary>The broker ARN the event carries as <c>eventSourceArn</c>.</summary>
    public string BrokerArn => $"arn:aws:mq:{_region}:{_accountId}:broker:test-broker:{_brokerId}";

    /// <summary>Sets the broker's region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public RabbitMqEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the broker's account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public RabbitMqEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets when the messages were published. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public RabbitMqEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds a message whose body is the UTF-8 of <paramref name="text"/> (content type <c>text/plain</c>).</summary>
    /// <param name="text">The body.</param>
    /// <param name="messageId">The publisher's message id; <see langword="null"/> (default) for none, as most publishers send.</param>
    /// <param name="redelivered">Whether the broker delivered it before. Default: <see langword="false"/>.</param>
    /// <param name="headers">Application headers; each arrives as Lambda sends a string header, <c>{"bytes":[...]}</c>.</param>
    /// <returns>This builder.</returns>
    public RabbitMqEventBuilder AddMessage(string text, string? messageId = null, bool redelivered = false, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        _messages.Add((Encoding.UTF8.GetBytes(text), "text/plain", messageId, redelivered, headers));
        return this;
    }

    /// <summary>Adds a binary message (content type <c>application/octet-stream</c>).</summary>
    /// <param name="data">The body.</param>
    /// <param name="messageId">The publisher's message id; <see langword="null"/> (default) for none.</param>
    /// <param name="redelivered">Whether the broker delivered it before. Default: <see langword="false"/>.</param>
    /// <returns>This builder.</returns>
    public RabbitMqEventBuilder AddMessage(ReadOnlySpan<byte> data, string? messageId = null, bool redelivered = false)
    {
        _messages.Add((data.ToArray(), "application/octet-stream", messageId, redelivered, null));
        return this;
    }

    /// <summary>Adds a message whose body is <paramref name="value"/> serialized as JSON (content type <c>application/json</c>).</summary>
    /// <typeparam name="T">The body's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="messageId">The publisher's message id; <see langword="null"/> (default) for none.</param>
    /// <returns>This builder.</returns>
    public RabbitMqEventBuilder AddMessage<T>(T value, JsonTypeInfo<T> jsonTypeInfo, string? messageId = null)
    {
        _messages.Add((JsonSerializer.SerializeToUtf8Bytes(value, jsonTypeInfo), "application/json", messageId, false, null));
        return this;
    }

    /// <summary>Builds the batch.</summary>
    /// <returns>A new <see cref="RabbitMqEvent"/> with one queue, one message per added message, in order.</returns>
    public RabbitMqEvent Build()
    {
        var time = (_time ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("MMM d, yyyy, h:mm:ss tt", CultureInfo.InvariantCulture);
        var messages = new List<RabbitMqMessage>(_messages.Count);
        foreach (var (data, contentType, messageId, redelivered, headers) in _messages)
        {
            messages.Add(new RabbitMqMessage
            {
                BasicProperties = new RabbitMqBasicProperties
                {
                    ContentType = contentType,
                    Headers = Headers(headers),
                    DeliveryMode = 1,
                    Priority = 0,
                    MessageId = messageId,
                    Timestamp = time,
                    UserId = "test-user",
                    BodySize = data.Length,
                },
                Redelivered = redelivered,
                Data = Convert.ToBase64String(data),
            });
        }

        return new RabbitMqEvent
        {
            EventSource = RabbitMqEvent.RabbitMqEventSource,
            EventSourceArn = BrokerArn,
            MessagesByQueue = new Dictionary<string, IList<RabbitMqMessage>>(StringComparer.Ordinal) { [_queueName + "::" + _virtualHost] = messages },
        };
    }

    /// <summary>Builds the batch and serializes it with <see cref="AmazonMqJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), AmazonMqJsonContext.Default.RabbitMqEvent);

    /// <summary>String headers in their wire form: <c>{"bytes":[...]}</c>, the UTF-8 bytes as numbers.</summary>
    private static Dictionary<string, JsonElement> Headers(IReadOnlyDictionary<string, string>? headers)
    {
        var json = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            var bytes = string.Join(',', Encoding.UTF8.GetBytes(value).Select(static b => b.ToString(CultureInfo.InvariantCulture)));
            using var document = JsonDocument.Parse("{\"bytes\":[" + bytes + "]}");
            json[name] = document.RootElement.Clone();
        }

        return json;
    }
}
