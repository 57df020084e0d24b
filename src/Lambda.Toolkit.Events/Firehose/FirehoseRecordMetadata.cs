using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Firehose;

/// <summary>The metadata a transformed record carries back for dynamic partitioning.</summary>
public sealed class FirehoseRecordMetadata
{
    /// <summary>The partition keys and their values.</summary>
    [JsonPropertyName("partitionKeys")]
    public Dictionary<string, string>? PartitionKeys { get; set; }
}
