using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>
/// The event AWS CodePipeline sends the function of a Lambda invoke action. The pipeline waits until the function
/// calls <c>PutJobSuccessResult</c> or <c>PutJobFailureResult</c> with the job's id (or the action times out).
/// </summary>
public sealed class CodePipelineJobEvent
{
    /// <summary>The job.</summary>
    [JsonPropertyName("CodePipeline.job")]
    public CodePipelineJob? Job { get; set; }
}
