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

    /// <summary>
    /// Identifies where the request came from: when the rotation function assumes an IAM role (for example to rotate a
    /// secret of another account), pass it with <c>PutSecretValue</c> so Secrets Manager can check the caller. Sensitive:
    /// do not log it. Sent by newer rotations; absent in older ones.
    /// </summary>
    [JsonPropertyName("RotationToken")]
    public string? RotationToken { get; set; }
}
