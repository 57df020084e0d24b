using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>The key that encrypts a pipeline's artifacts.</summary>
public sealed class CodePipelineEncryptionKey
{
    /// <summary>The key's id or ARN.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The key's type, <c>KMS</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }
}
