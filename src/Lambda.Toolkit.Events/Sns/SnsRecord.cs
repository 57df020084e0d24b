using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Sns;

/// <summary>
/// One record of an SNS event.
/// </summary>
public sealed class SnsRecord
{
    /// <summary>
    /// The event version.
    /// </summary>
    [JsonPropertyName("EventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>
    /// The subscription ARN.
    /// </summary>
    [JsonPropertyName("EventSubscriptionArn")]
    public string? EventSubscriptionArn { get; set; }

    /// <summary>
    /// aws:sns.
    /// </summary>
    [JsonPropertyName("EventSource")]
    public string? EventSource { get; set; }

    /// <summary>
    /// The notification.
    /// </summary>
    [JsonPropertyName("Sns")]
    [JsonRequired]
    public required SnsMessage Sns { get; set; }
}
