using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Sns;

/// <summary>
/// An SNS notification as SNS writes it into an SQS message body (or an HTTP POST) when raw message delivery is
/// off. Note the URL field names differ in case from the Lambda event's.
/// </summary>
public sealed class SnsNotification
{
    /// <summary>
    /// Notification.
    /// </summary>
    [JsonPropertyName("Type")]
    public string? Type { get; set; }

    /// <summary>
    /// The message id.
    /// </summary>
    [JsonPropertyName("MessageId")]
    public string? MessageId { get; set; }

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

    /// <summary>
    /// The message.
    /// </summary>
    [JsonPropertyName("Message")]
    public string? Message { get; set; }

    /// <summary>
    /// When the notification was published, ISO 8601.
    /// </summary>
    [JsonPropertyName("Timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>
    /// The signature version.
    /// </summary>
    [JsonPropertyName("SignatureVersion")]
    public string? SignatureVersion { get; set; }

    /// <summary>
    /// The signature.
    /// </summary>
    [JsonPropertyName("Signature")]
    public string? Signature { get; set; }

    /// <summary>
    /// The URL of the signing certificate.
    /// </summary>
    [JsonPropertyName("SigningCertURL")]
    public string? SigningCertUrl { get; set; }

    /// <summary>
    /// The URL to unsubscribe.
    /// </summary>
    [JsonPropertyName("UnsubscribeURL")]
    public string? UnsubscribeUrl { get; set; }

    /// <summary>
    /// The message attributes.
    /// </summary>
    [JsonPropertyName("MessageAttributes")]
    public Dictionary<string, SnsMessageAttribute>? MessageAttributes { get; set; }
}
