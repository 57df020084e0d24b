using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.EventBridge.S3;

/// <summary>
/// The detail of S3's <c>Object Deleted</c> event (source <c>aws.s3</c>), sent when the bucket has EventBridge
/// notifications turned on. Map it with
/// <c>app.MapEventBridge("aws.s3", "Object Deleted", EventBridgeJsonContext.Default.S3ObjectDeletedDetail, handler)</c>.
/// </summary>
public sealed class S3ObjectDeletedDetail : S3EventBridgeObjectDetail
{
    /// <summary>How: <c>Permanently Deleted</c>, or <c>Delete Marker Created</c> on a versioned bucket.</summary>
    [JsonPropertyName("deletion-type")]
    public string? DeletionType { get; set; }
}
