using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>The <c>failureDetails</c> of <c>PutJobFailureResult</c>.</summary>
public sealed class CodePipelineFailureDetails
{
    /// <summary>One of <see cref="CodePipelineFailureTypes"/>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Why the job failed.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>An id of the work in the system that did it.</summary>
    [JsonPropertyName("externalExecutionId")]
    public string? ExternalExecutionId { get; set; }
}
