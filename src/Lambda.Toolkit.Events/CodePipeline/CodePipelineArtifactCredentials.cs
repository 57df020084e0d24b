using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>
/// Temporary credentials for the artifact bucket. Secret: never log them; <see cref="ToString"/> shows only the key id.
/// </summary>
public sealed class CodePipelineArtifactCredentials
{
    /// <summary>The access key id.</summary>
    [JsonPropertyName("accessKeyId")]
    public string? AccessKeyId { get; set; }

    /// <summary>The secret access key.</summary>
    [JsonPropertyName("secretAccessKey")]
    public string? SecretAccessKey { get; set; }

    /// <summary>The session token.</summary>
    [JsonPropertyName("sessionToken")]
    public string? SessionToken { get; set; }

    /// <summary>When the credentials expire, in the form CodePipeline sent it.</summary>
    [JsonPropertyName("expirationTime")]
    public JsonElement? ExpirationTime { get; set; }

    /// <summary>The key id only; the secret key and session token are never shown.</summary>
    /// <returns>A redacted description.</returns>
    public override string ToString() => $"CodePipelineArtifactCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = *** }}";
}
