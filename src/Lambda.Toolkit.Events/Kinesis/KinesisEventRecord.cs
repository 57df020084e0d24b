using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Kinesis;

/// <summary>
/// One record of a Kinesis Data Streams event.
/// </summary>
public sealed class KinesisEventRecord
{
    /// <summary>
    /// The data record.
    /// </summary>
    [JsonPropertyName("kinesis")]
    [JsonRequired]
    public required KinesisRecord Kinesis { get; set; }

    /// <summary>
    /// aws:kinesis.
    /// </summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>
    /// The event version.
    /// </summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>
    /// The shard id and sequence number.
    /// </summary>
    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    /// <summary>
    /// aws:kinesis:record.
    /// </summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>
    /// The role Lambda used to read the stream.
    /// </summary>
    [JsonPropertyName("invokeIdentityArn")]
    public string? InvokeIdentityArn { get; set; }

    /// <summary>
    /// The stream's region.
    /// </summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>
    /// The stream ARN.
    /// </summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }
}
