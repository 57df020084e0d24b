using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AmazonMq;

/// <summary>
/// One message of an <see cref="ActiveMqEvent"/>. Its body stays the base64 string Lambda sends; decode it with
/// <see cref="DecodeData"/> or <see cref="GetDataString"/> when needed.
/// </summary>
public sealed class ActiveMqMessage
{
    /// <summary>The JMS message id.</summary>
    [JsonPropertyName("messageID")]
    [JsonRequired]
    public required string MessageId { get; set; }

    /// <summary>The JMS message type, for example <c>jms/text-message</c> or <c>jms/bytes-message</c>.</summary>
    [JsonPropertyName("messageType")]
    public string? MessageType { get; set; }

    /// <summary>The body, base64-encoded.</summary>
    [JsonPropertyName("data")]
    public string? Data { get; set; }

    /// <summary>The id of the connection the message was sent on.</summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    /// <summary>Whether the broker delivered the message before.</summary>
    [JsonPropertyName("redelivered")]
    public bool? Redelivered { get; set; }

    /// <summary>Whether the message is persistent.</summary>
    [JsonPropertyName("persistent")]
    public bool? Persistent { get; set; }

    /// <summary>The JMS delivery mode (1 non-persistent, 2 persistent).</summary>
    [JsonPropertyName("deliveryMode")]
    public int? DeliveryMode { get; set; }

    /// <summary>The JMS correlation id.</summary>
    [JsonPropertyName("correlationID")]
    public string? CorrelationId { get; set; }

    /// <summary>Where replies go.</summary>
    [JsonPropertyName("replyTo")]
    public string? ReplyTo { get; set; }

    /// <summary>The JMS message type set by the sender.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>When the message expires, in epoch milliseconds; 0 when it never does.</summary>
    [JsonPropertyName("expiration")]
    public long? Expiration { get; set; }

    /// <summary>The JMS priority (0 to 9).</summary>
    [JsonPropertyName("priority")]
    public int? Priority { get; set; }

    /// <summary>The queue the message was sent to.</summary>
    [JsonPropertyName("destination")]
    public ActiveMqDestination? Destination { get; set; }

    /// <summary>When the message was sent, in epoch milliseconds.</summary>
    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; set; }

    /// <summary>When the broker received the message, in epoch milliseconds.</summary>
    [JsonPropertyName("brokerInTime")]
    public long? BrokerInTime { get; set; }

    /// <summary>When the broker sent the message on to Lambda, in epoch milliseconds.</summary>
    [JsonPropertyName("brokerOutTime")]
    public long? BrokerOutTime { get; set; }

    /// <summary>The message's JMS properties, each value in its wire form (a string, number or boolean).</summary>
    [JsonPropertyName("properties")]
    public IDictionary<string, JsonElement>? Properties { get; set; }

    /// <summary>The body's bytes.</summary>
    /// <returns>The bytes; empty when the message has no body.</returns>
    /// <exception cref="EventDeserializationException">The body is not valid base64.</exception>
    public byte[] DecodeData()
    {
        if (Data is null)
        {
            return [];
        }

        try
        {
            return Convert.FromBase64String(Data);
        }
        catch (FormatException ex)
        {
            throw new EventDeserializationException(typeof(ActiveMqMessage), "$.data", "the data is not valid base64.", ex);
        }
    }

    /// <summary>The body as UTF-8 text.</summary>
    /// <returns>The text; empty when the message has no body.</returns>
    /// <exception cref="EventDeserializationException">The body is not valid base64.</exception>
    public string GetDataString() => Encoding.UTF8.GetString(DecodeData());

    /// <summary>A JMS property as text: a string as it is, a number or boolean in its JSON form.</summary>
    /// <param name="name">The property's name.</param>
    /// <returns>The text, or <see langword="null"/> when the message has no such property (or it is null).</returns>
    public string? GetProperty(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Properties is not null && Properties.TryGetValue(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => value.GetRawText(),
            }
            : null;
    }

    /// <summary>When the message was sent.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetTimestamp() => Timestamp is { } ms ? EpochTime.FromMilliseconds(ms) : null;
}
