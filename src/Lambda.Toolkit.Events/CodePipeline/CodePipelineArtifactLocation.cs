using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>Where an artifact is stored.</summary>
public sealed class CodePipelineArtifactLocation
{
    /// <summary>The store's type, <c>S3</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The S3 object.</summary>
    [JsonPropertyName("s3Location")]
    public CodePipelineS3Location? S3Location { get; set; }
}
