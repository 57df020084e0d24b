using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>The <c>executionDetails</c> of <c>PutJobSuccessResult</c>.</summary>
public sealed class CodePipelineExecutionDetails
{
    /// <summary>A summary shown in the console.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    /// <summary>An id of the work in the system that did it.</summary>
    [JsonPropertyName("externalExecutionId")]
    public string? ExternalExecutionId { get; set; }

    /// <summary>Progress, 0 to 100.</summary>
    [JsonPropertyName("percentComplete")]
    public int? PercentComplete { get; set; }
}
