using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>A periodic rule ran because Config delivered a configuration snapshot to S3 (<see cref="ConfigMessageType.ConfigurationSnapshotDeliveryCompleted"/>).</summary>
public sealed class ConfigurationSnapshotDeliveryCompleted : ConfigInvokingEvent
{
    /// <summary>The snapshot's id.</summary>
    [JsonPropertyName("configSnapshotId")]
    public string? ConfigSnapshotId { get; set; }

    /// <summary>The bucket the snapshot was delivered to.</summary>
    [JsonPropertyName("s3Bucket")]
    public string? S3Bucket { get; set; }

    /// <summary>The snapshot's object key (a gzipped JSON file).</summary>
    [JsonPropertyName("s3ObjectKey")]
    public string? S3ObjectKey { get; set; }
}
