using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3;

/// <summary>
/// The bucket of an S3 notification.
/// </summary>
public sealed class S3Bucket
{
    /// <summary>
    /// The bucket name.
    /// </summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public required string Name { get; set; }

    /// <summary>
    /// The bucket owner.
    /// </summary>
    [JsonPropertyName("ownerIdentity")]
    public S3UserIdentity? OwnerIdentity { get; set; }

    /// <summary>
    /// The bucket ARN.
    /// </summary>
    [JsonPropertyName("arn")]
    public string? Arn { get; set; }
}
