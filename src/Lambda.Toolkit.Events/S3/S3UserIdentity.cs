using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3;

/// <summary>
/// An identity in an S3 notification.
/// </summary>
public sealed class S3UserIdentity
{
    /// <summary>
    /// The principal id.
    /// </summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }
}
