using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AmazonMq;

/// <summary>The AMQP basic properties of a <see cref="RabbitMqMessage"/>, as Lambda sends them (absent values may come as JSON nulls).</summary>
public sealed class RabbitMqBasicProperties
{
    /// <summary>The body's MIME type.</summary>
    [JsonPropertyName("contentType")]
    public string? ContentType { get; set; }

    /// <summary>The body's encoding.</summary>
    [JsonPropertyName("contentEncoding")]
    public string? ContentEncoding { get; set; }

    /// <summary>
    /// The application headers in their wire form: a long string arrives as <c>{"bytes":[...]}</c>, numbers and
    /// booleans as themselves. Read one as text with <see cref="GetHeader"/>.
    /// </summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, JsonElement>? Headers { get; set; }

    /// <summary>1 non-persistent, 2 persistent.</summary>
    [JsonPropertyName("deliveryMode")]
    public int? DeliveryMode { get; set; }

    /// <summary>The message priority.</summary>
    [JsonPropertyName("priority")]
    public int? Priority { get; set; }

    /// <summary>The correlation id.</summary>
    [JsonPropertyName("correlationId")]
    public string? CorrelationId { get; set; }

    /// <summary>Where replies go.</summary>
    [JsonPropertyName("replyTo")]
    public string? ReplyTo { get; set; }

    /// <summary>The message's time to live in milliseconds, as a string.</summary>
    [JsonPropertyName("expiration")]
    public string? Expiration { get; set; }

    /// <summary>The id the publisher gave the message, when it gave one.</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    /// <summary>When the message was published, as the broker formats it (for example <c>Jan 1, 1970, 12:33:41 AM</c>).</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>The message type name.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The publishing user's id.</summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }

    /// <summary>The publishing application's id.</summary>
    [JsonPropertyName("appId")]
    public string? AppId { get; set; }

    /// <summary>The cluster id.</summary>
    [JsonPropertyName("clusterId")]
    public string? ClusterId { get; set; }

    /// <summary>The body's size in bytes.</summary>
    [JsonPropertyName("bodySize")]
    public long? BodySize { get; set; }

    /// <summary>A header as text: <c>{"bytes":[...]}</c> decoded as UTF-8, a string as it is, a number or boolean in its JSON form.</summary>
    /// <param name="name">The header's name.</param>
    /// <returns>The text, or <see langword="null"/> when there is no such header (or it is null).</returns>
    public string? GetHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Headers is null || !Headers.TryGetValue(name, out var value))
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Object when value.TryGetProperty("bytes", out var bytes) && bytes.ValueKind == JsonValueKind.Array:
                var buffer = new byte[bytes.GetArrayLength()];
                var i = 0;
                foreach (var b in bytes.EnumerateArray())
                {
                    buffer[i++] = b.TryGetByte(out var unsigned) ? unsigned : unchecked((byte)b.GetSByte());
                }

                return Encoding.UTF8.GetString(buffer);
            default:
                return value.GetRawText();
        }
    }
}
