using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>An artifact an action reads or writes.</summary>
public sealed class CodePipelineArtifact
{
    /// <summary>The artifact's name in the pipeline.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Where the artifact is stored.</summary>
    [JsonPropertyName("location")]
    public CodePipelineArtifactLocation? Location { get; set; }

    /// <summary>The source revision the artifact was made from; null for an output artifact.</summary>
    [JsonPropertyName("revision")]
    public string? Revision { get; set; }
}
