using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.EventBridge.S3;

/// <summary>
/// What every detail of S3's EventBridge notifications about an object carries (source <c>aws.s3</c>): the bucket,
/// the object and the request. <see cref="S3ObjectCreatedDetail"/> and <see cref="S3ObjectDeletedDetail"/> are the
/// typed details to map; a handler for either can take this type.
/// </summary>
public abstract class S3EventBridgeObjectDetail
{
    /// <summary>The detail's version, currently <c>0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The version of the detail's schema, for example <c>1.0</c>, when S3 sends it.</summary>
    [JsonPropertyName("event-version")]
    public string? EventVersion { get; set; }

    /// <summary>The bucket.</summary>
    [JsonPropertyName("bucket")]
    [JsonRequired]
    public required S3EventBridgeBucket Bucket { get; set; }

    /// <summary>The object.</summary>
    [JsonPropertyName("object")]
    [SuppressMessage("Naming", "CA1720", Justification = "S3 calls it an object; the name mirrors the wire field.")]
    [JsonRequired]
    public required S3EventBridgeObject Object { get; set; }

    /// <summary>The S3 request id.</summary>
    [JsonPropertyName("request-id")]
    public string? RequestId { get; set; }

    /// <summary>Who made the request: an account id, or an AWS service principal (<c>s3.amazonaws.com</c> for a lifecycle expiration).</summary>
    [JsonPropertyName("requester")]
    public string? Requester { get; set; }

    /// <summary>The IP address the request came from (absent when S3 itself acted).</summary>
    [JsonPropertyName("source-ip-address")]
    public string? SourceIpAddress { get; set; }

    /// <summary>What did it: the API (for example <c>PutObject</c>, <c>CompleteMultipartUpload</c>, <c>DeleteObject</c>) or <c>Lifecycle Expiration</c>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }
}
