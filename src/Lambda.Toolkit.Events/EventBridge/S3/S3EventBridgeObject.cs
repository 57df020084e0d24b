using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.EventBridge.S3;

/// <summary>The object of an S3 notification sent through EventBridge (the <c>detail.object</c> object).</summary>
public sealed class S3EventBridgeObject
{
    /// <summary>The object's key.</summary>
    [JsonPropertyName("key")]
    [JsonRequired]
    public required string Key { get; set; }

    /// <summary>The size in bytes (absent for deletions).</summary>
    [JsonPropertyName("size")]
    public long? Size { get; set; }

    /// <summary>The entity tag.</summary>
    [JsonPropertyName("etag")]
    public string? ETag { get; set; }

    /// <summary>The version id, on versioned buckets.</summary>
    [JsonPropertyName("version-id")]
    public string? VersionId { get; set; }

    /// <summary>Orders the events of one key: compare sequencers of the same key (as hexadecimal strings of equal length) to find the later event.</summary>
    [JsonPropertyName("sequencer")]
    public string? Sequencer { get; set; }
}
