using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.SecretsManager;

/// <summary>
/// A Secrets Manager rotation request: Secrets Manager invokes the rotation function once per step of a rotation
/// (<c>createSecret</c>, <c>setSecret</c>, <c>testSecret</c>, <c>finishSecret</c>), each time with the same
/// <see cref="ClientRequestToken"/>, the id of the version being created. An error fails the rotation.
/// </summary>
public sealed class SecretsManagerRotationEvent
{
    /// <summary>The step to run (see <see cref="SecretsManagerRotationSteps"/>).</summary>
    [JsonPropertyName("Step")]
    public string? Step { get; set; }

    /// <summary>The ARN of the secret being rotated.</summary>
    [JsonPropertyName("SecretId")]
    public string? SecretId { get; set; }

    /// <summary>The version id of the new secret value (the version labelled <c>AWSPENDING</c> during the rotation).</summary>
    [JsonPropertyName("ClientRequestToken")]
    public string? ClientRequestToken { get; set; }

    /// <summary>A token that identifies the rotation, for calls that Secrets Manager checks against it (sent by newer rotations; absent in older ones).</summary>
    [JsonPropertyName("RotationToken")]
    public string? RotationToken { get; set; }
}
