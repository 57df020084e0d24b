using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Firehose;

/// <summary>One record of a <see cref="FirehoseResponse"/>.</summary>
public sealed class FirehoseResponseRecord
{
    /// <summary>The id of the event record this answers.</summary>
    [JsonPropertyName("recordId")]
    [JsonRequired]
    public required string RecordId { get; set; }

    /// <summary>What became of the record.</summary>
    [JsonPropertyName("result")]
    [JsonRequired]
    public required FirehoseRecordResult Result { get; set; }

    /// <summary>The transformed data, base64-encoded.</summary>
    [JsonPropertyName("data")]
    public string? Data { get; set; }

    /// <summary>Dynamic-partitioning metadata.</summary>
    [JsonPropertyName("metadata")]
    public FirehoseRecordMetadata? Metadata { get; set; }
}
