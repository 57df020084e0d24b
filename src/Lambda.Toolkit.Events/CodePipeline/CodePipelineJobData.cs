using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>What a job works on: the action's configuration, its artifacts and the credentials to read and write them.</summary>
public sealed class CodePipelineJobData
{
    /// <summary>The action's configuration.</summary>
    [JsonPropertyName("actionConfiguration")]
    public CodePipelineActionConfiguration? ActionConfiguration { get; set; }

    /// <summary>The artifacts the action reads.</summary>
    [JsonPropertyName("inputArtifacts")]
    public List<CodePipelineArtifact>? InputArtifacts { get; set; }

    /// <summary>The artifacts the action writes.</summary>
    [JsonPropertyName("outputArtifacts")]
    public List<CodePipelineArtifact>? OutputArtifacts { get; set; }

    /// <summary>Temporary credentials for the artifact bucket. Secret: never log them.</summary>
    [JsonPropertyName("artifactCredentials")]
    public CodePipelineArtifactCredentials? ArtifactCredentials { get; set; }

    /// <summary>The token an earlier run of this job returned to be invoked again; absent on the first run.</summary>
    [JsonPropertyName("continuationToken")]
    public string? ContinuationToken { get; set; }

    /// <summary>The key that encrypts the artifacts, when the artifact store has one.</summary>
    [JsonPropertyName("encryptionKey")]
    public CodePipelineEncryptionKey? EncryptionKey { get; set; }
}
