using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>The configuration values of a Lambda invoke action.</summary>
public sealed class CodePipelineLambdaConfiguration
{
    /// <summary>The function the action invokes.</summary>
    [JsonPropertyName("FunctionName")]
    public string? FunctionName { get; set; }

    /// <summary>The action's user parameters: one string, as configured (often JSON); absent when none are.</summary>
    [JsonPropertyName("UserParameters")]
    public string? UserParameters { get; set; }
}
