using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Sns;

/// <summary>
/// The SNS notification inside an SNS event record.
/// </summary>
public sealed class SnsMessage
{
    /// <summary>
    /// The signature version.
    /// </summary>
    [JsonPropertyName("SignatureVersion")]
    public string? SignatureVersion { get; set; }

    /// <summary>
    /// When the notification was published, ISO 8601.
    /// </summary>
    [JsonPropertyName("Timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>
    /// The signature.
    /// </summary>
    [JsonPropertyName("Signature")]
    public string? Signature { get; set; }

    /// <summary>
    /// The URL of the signing certificate.
    /// </summary>
    [JsonPropertyName("SigningCertUrl")]
    public string? SigningCertUrl { get; set; }

    /// <summary>
    /// The message id.
    /// </summary>
    [JsonPropertyName("MessageId")]
    [JsonRequired]
    public required string MessageId { get; set; }

    /// <summary>
    /// The message.
    /// </summary>
    [JsonPropertyName("Message")]
    [JsonRequired]
    public required string Message { get; set; }

    /// <summary>
    /// The message attributes.
    /// </summary>
    [JsonPropertyName("MessageAttributes")]
    public Dictionary<string, SnsMessageAttribute>? MessageAttributes { get; set; }

    /// <summary>
    /// Notification.
    /// </summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    /// <summary>
    /// The URL to unsubscribe.
    /// </summary>
    [JsonPropertyName("UnsubscribeUrl")]
    public string? UnsubscribeUrl { get; set; }

    /// <summary>
    /// The topic ARN.
    /// </summary>
    [JsonPropertyName("TopicArn")]
    public string? TopicArn { get; set; }

    /// <summary>
    /// The subject, when one was given.
    /// </summary>
    [JsonPropertyName("Subject")]
    public string? Subject { get; set; }

    /// <summary>When the notification was published.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetTimestamp() => EpochTime.ParseIso8601(Timestamp);
}
