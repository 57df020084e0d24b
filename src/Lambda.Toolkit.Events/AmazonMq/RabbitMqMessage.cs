using System.Text;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AmazonMq;

/// <summary>
/// One message of a <see cref="RabbitMqEvent"/>. Its body stays the base64 string Lambda sends; decode it with
/// <see cref="DecodeData"/> or <see cref="GetDataString"/> when needed.
/// </summary>
public sealed class RabbitMqMessage
{
    /// <summary>The AMQP basic properties (content type, headers, message id, ...).</summary>
    [JsonPropertyName("basicProperties")]
    public RabbitMqBasicProperties? BasicProperties { get; set; }

    /// <summary>Whether the broker delivered the message before.</summary>
    [JsonPropertyName("redelivered")]
    public bool? Redelivered { get; set; }

    /// <summary>The body, base64-encoded.</summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public required string Data { get; set; }

    /// <summary>The body's bytes.</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="EventDeserializationException">The body is not valid base64.</exception>
    public byte[] DecodeData()
    {
        try
        {
            return Convert.FromBase64String(Data);
        }
        catch (FormatException ex)
        {
            throw new EventDeserializationException(typeof(RabbitMqMessage), "$.data", "the data is not valid base64.", ex);
        }
    }

    /// <summary>The body as UTF-8 text.</summary>
    /// <returns>The text.</returns>
    /// <exception cref="EventDeserializationException">The body is not valid base64.</exception>
    public string GetDataString() => Encoding.UTF8.GetString(DecodeData());
}
