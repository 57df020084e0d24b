using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3;

/// <summary>
/// The S3 part of a notification record: bucket, object and the configuration that matched.
/// </summary>
public sealed class S3Entity
{
    /// <summary>
    /// The schema version.
    /// </summary>
    [JsonPropertyName("s3SchemaVersion")]
    public string? S3SchemaVersion { get; set; }

    /// <summary>
    /// The id of the notification configuration.
    /// </summary>
    [JsonPropertyName("configurationId")]
    public string? ConfigurationId { get; set; }

    /// <summary>
    /// The bucket.
    /// </summary>
    [JsonPropertyName("bucket")]
    [JsonRequired]
    public required S3Bucket Bucket { get; set; }

    /// <summary>
    /// The object.
    /// </summary>
    [JsonPropertyName("object")]
    [SuppressMessage("Naming", "CA1720", Justification = "S3 calls it an object; the name mirrors the wire field.")]
    [JsonRequired]
    public required S3Object Object { get; set; }
}
