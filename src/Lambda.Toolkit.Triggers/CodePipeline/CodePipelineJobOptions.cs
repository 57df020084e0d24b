using Lambda.Toolkit.Events.CodePipeline;

namespace Lambda.Toolkit.Triggers.CodePipeline;

/// <summary>Options of <see cref="CodePipelineApplicationExtensions.MapCodePipelineJob"/>.</summary>
public sealed class CodePipelineJobOptions
{
    /// <summary>
    /// Reports the job's result to CodePipeline; required. The toolkit does not reference AWSSDK.CodePipeline: make the
    /// call here (CodePipeline learns a job's result only from these calls; the function's response is ignored):
    /// <code>
    /// o.ReportResult = (job, result, ct) =>
    /// {
    ///     var client = job.Services.GetRequiredService&lt;IAmazonCodePipeline&gt;();
    ///     return new ValueTask(result.IsSuccess
    ///         ? client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest
    ///         {
    ///             JobId = result.JobId,
    ///             ContinuationToken = result.ContinuationToken,
    ///             OutputVariables = result.OutputVariables,
    ///             ExecutionDetails = result.ExecutionDetails is { } d ? new ExecutionDetails { Summary = d.Summary, PercentComplete = d.PercentComplete ?? 0 } : null,
    ///         }, ct)
    ///         : client.PutJobFailureResultAsync(new PutJobFailureResultRequest
    ///         {
    ///             JobId = result.JobId,
    ///             FailureDetails = new FailureDetails { Type = result.FailureDetails!.Type, Message = result.FailureDetails.Message },
    ///         }, ct));
    /// };
    /// </code>
    /// Called once per invocation, after the handler, with a success or a failure (never with nothing). Its token fires
    /// at the invocation's deadline. If it throws, the invocation fails and Lambda's retry of the asynchronous invocation
    /// runs the job again.
    /// </summary>
    public Func<CodePipelineJobRequest, CodePipelineJobResult, CancellationToken, ValueTask>? ReportResult { get; set; }

    /// <summary>
    /// Time kept before the deadline to report: the handler's token fires then, and a handler still running is reported
    /// as failed without waiting for it. Default: 3 s.
    /// </summary>
    public TimeSpan ReportReserve { get; set; } = TimeSpan.FromSeconds(3);

    internal List<string> Validate()
    {
        var problems = new List<string>();
        if (ReportResult is null)
        {
            problems.Add("CodePipelineJobOptions.ReportResult is not set: CodePipeline learns a job's result only from PutJobSuccessResult or PutJobFailureResult, so a job nobody reports waits until the action times out. Set o.ReportResult to make those calls (see its documentation).");
        }

        if (ReportReserve < TimeSpan.Zero)
        {
            problems.Add($"CodePipelineJobOptions.ReportReserve must not be negative (was {ReportReserve}).");
        }

        return problems;
    }
}
