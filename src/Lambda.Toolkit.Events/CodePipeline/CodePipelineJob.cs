using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>A job of a pipeline's Lambda invoke action.</summary>
public sealed class CodePipelineJob
{
    /// <summary>The job's id: the <c>jobId</c> of <c>PutJobSuccessResult</c> and <c>PutJobFailureResult</c>.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The pipeline's account.</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The action's configuration, artifacts and credentials.</summary>
    [JsonPropertyName("data")]
    public CodePipelineJobData? Data { get; set; }
}
