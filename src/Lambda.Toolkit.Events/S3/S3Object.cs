using System.Net;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3;

/// <summary>
/// The object of an S3 notification.
/// </summary>
public sealed class S3Object
{
    /// <summary>
    /// The object key, URL-encoded as S3 sends it (a space arrives as "+"); use DecodedKey for the real key.
    /// </summary>
    [JsonPropertyName("key")]
    [JsonRequired]
    public required string Key { get; set; }

    /// <summary>
    /// The size in bytes (absent for deletions).
    /// </summary>
    [JsonPropertyName("size")]
    public long? Size { get; set; }

    /// <summary>
    /// The entity tag.
    /// </summary>
    [JsonPropertyName("eTag")]
    public string? ETag { get; set; }

    /// <summary>
    /// The version id, on versioned buckets.
    /// </summary>
    [JsonPropertyName("versionId")]
    public string? VersionId { get; set; }

    /// <summary>
    /// Orders events for the same key.
    /// </summary>
    [JsonPropertyName("sequencer")]
    public string? Sequencer { get; set; }

    /// <summary>The object key decoded: "+" becomes a space and %XX escapes their characters ("%2B" stays a plus sign).</summary>
    [JsonIgnore]
    public string DecodedKey => WebUtility.UrlDecode(Key);
}
