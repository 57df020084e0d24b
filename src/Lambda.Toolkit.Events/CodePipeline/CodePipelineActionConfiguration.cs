using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>A Lambda invoke action's configuration.</summary>
public sealed class CodePipelineActionConfiguration
{
    /// <summary>The configuration's values.</summary>
    [JsonPropertyName("configuration")]
    public CodePipelineLambdaConfiguration? Configuration { get; set; }
}
