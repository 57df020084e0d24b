using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>
/// A job's outcome, with the fields of CodePipeline's <c>PutJobSuccessResult</c> (<see cref="ContinuationToken"/>,
/// <see cref="OutputVariables"/>, <see cref="ExecutionDetails"/>) or <c>PutJobFailureResult</c>
/// (<see cref="FailureDetails"/>). Make one with <see cref="Succeeded"/>, <see cref="Continue"/> or <see cref="Failed"/>.
/// </summary>
public sealed class CodePipelineJobResult
{
    /// <summary>The job's id.</summary>
    [JsonPropertyName("jobId")]
    public string? JobId { get; set; }

    /// <summary><see cref="CodePipelineJobStatus.Succeeded"/> or <see cref="CodePipelineJobStatus.Failed"/>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; set; }

    /// <summary>On success: a token that makes CodePipeline invoke the job again with it (the work is not finished).</summary>
    [JsonPropertyName("continuationToken")]
    public string? ContinuationToken { get; set; }

    /// <summary>On success: the action's output variables, for later actions.</summary>
    [JsonPropertyName("outputVariables")]
    public Dictionary<string, string>? OutputVariables { get; set; }

    /// <summary>On success: the summary and progress shown in the console.</summary>
    [JsonPropertyName("executionDetails")]
    public CodePipelineExecutionDetails? ExecutionDetails { get; set; }

    /// <summary>On failure: its type and message.</summary>
    [JsonPropertyName("failureDetails")]
    public CodePipelineFailureDetails? FailureDetails { get; set; }

    /// <summary>Whether this is a success (<c>PutJobSuccessResult</c>).</summary>
    [JsonIgnore]
    public bool IsSuccess => Status == CodePipelineJobStatus.Succeeded;

    /// <summary>The job succeeded.</summary>
    /// <param name="summary">A summary shown in the console (at most 2,048 characters).</param>
    /// <param name="outputVariables">Output variables for later actions.</param>
    /// <returns>The result.</returns>
    public static CodePipelineJobResult Succeeded(string? summary = null, IReadOnlyDictionary<string, string>? outputVariables = null) => new()
    {
        Status = CodePipelineJobStatus.Succeeded,
        ExecutionDetails = summary is null ? null : new CodePipelineExecutionDetails { Summary = summary },
        OutputVariables = outputVariables is null ? null : new Dictionary<string, string>(outputVariables, StringComparer.Ordinal),
    };

    /// <summary>The job is not finished: CodePipeline invokes it again with <paramref name="continuationToken"/> in <see cref="CodePipelineJobData.ContinuationToken"/>.</summary>
    /// <param name="continuationToken">What the next run needs to carry on (at most 2,048 characters).</param>
    /// <param name="summary">A summary shown in the console.</param>
    /// <param name="percentComplete">Progress, 0 to 100.</param>
    /// <returns>The result.</returns>
    public static CodePipelineJobResult Continue(string continuationToken, string? summary = null, int? percentComplete = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(continuationToken);
        return new()
        {
            Status = CodePipelineJobStatus.Succeeded,
            ContinuationToken = continuationToken,
            ExecutionDetails = summary is null && percentComplete is null ? null : new CodePipelineExecutionDetails { Summary = summary, PercentComplete = percentComplete },
        };
    }

    /// <summary>The job failed.</summary>
    /// <param name="type">One of <see cref="CodePipelineFailureTypes"/>.</param>
    /// <param name="message">Why (at most 5,000 characters).</param>
    /// <returns>The result.</returns>
    public static CodePipelineJobResult Failed(string type, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentNullException.ThrowIfNull(message);
        return new()
        {
            Status = CodePipelineJobStatus.Failed,
            FailureDetails = new CodePipelineFailureDetails { Type = type, Message = message },
        };
    }
}
