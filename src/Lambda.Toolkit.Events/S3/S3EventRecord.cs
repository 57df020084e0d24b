using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3;

/// <summary>
/// One S3 event notification.
/// </summary>
public sealed class S3EventRecord
{
    /// <summary>
    /// The event version.
    /// </summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>
    /// aws:s3.
    /// </summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>
    /// The bucket's region.
    /// </summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>
    /// When the event happened, ISO 8601.
    /// </summary>
    [JsonPropertyName("eventTime")]
    public string? EventTime { get; set; }

    /// <summary>
    /// For example ObjectCreated:Put or ObjectRemoved:Delete.
    /// </summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>
    /// Who caused the event.
    /// </summary>
    [JsonPropertyName("userIdentity")]
    public S3UserIdentity? UserIdentity { get; set; }

    /// <summary>
    /// The request that caused the event.
    /// </summary>
    [JsonPropertyName("requestParameters")]
    public S3RequestParameters? RequestParameters { get; set; }

    /// <summary>
    /// The response elements, such as x-amz-request-id.
    /// </summary>
    [JsonPropertyName("responseElements")]
    public Dictionary<string, string>? ResponseElements { get; set; }

    /// <summary>
    /// The bucket and object.
    /// </summary>
    [JsonPropertyName("s3")]
    [JsonRequired]
    public required S3Entity S3 { get; set; }

    /// <summary>
    /// Restore details of ObjectRestore events.
    /// </summary>
    [JsonPropertyName("glacierEventData")]
    public Dictionary<string, JsonElement>? GlacierEventData { get; set; }

    /// <summary>When the event happened.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetEventTime() => EpochTime.ParseIso8601(EventTime);
}
