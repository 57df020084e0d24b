using Lambda.Toolkit.Events.CodePipeline;
using Lambda.Toolkit.Triggers.CodePipeline;
using Microsoft.Extensions.Logging;

namespace PlatformHooks;

/// <summary>
/// Reports a job's result to CodePipeline, which learns it only from <c>PutJobSuccessResult</c> or
/// <c>PutJobFailureResult</c> (the function's response is ignored). <b>This sample logs the call instead of making
/// it</b>: AWSSDK.CodePipeline is not referenced here. Deployed as it is, the pipeline's action waits until it times
/// out; add AWSSDK.CodePipeline, register an <c>IAmazonCodePipeline</c> singleton and make the calls in the comments.
/// </summary>
public sealed partial class PipelineJobReporter(ILogger<PipelineJobReporter> logger)
{
    /// <summary>Called by the toolkit once per job, after the handler, with a success or a failure.</summary>
    public ValueTask ReportAsync(CodePipelineJobRequest job, CodePipelineJobResult result, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            // await client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest
            // {
            //     JobId = result.JobId,
            //     ContinuationToken = result.ContinuationToken,
            //     OutputVariables = result.OutputVariables,
            //     ExecutionDetails = result.ExecutionDetails is { } d ? new ExecutionDetails { Summary = d.Summary, PercentComplete = d.PercentComplete ?? 0 } : null,
            // }, cancellationToken);
            LogSuccess(logger, result.JobId, result.ExecutionDetails?.Summary, result.OutputVariables is { } variables ? string.Join(", ", variables.Keys) : string.Empty);
        }
        else
        {
            // await client.PutJobFailureResultAsync(new PutJobFailureResultRequest
            // {
            //     JobId = result.JobId,
            //     FailureDetails = new FailureDetails { Type = result.FailureDetails!.Type, Message = result.FailureDetails.Message },
            // }, cancellationToken);
            LogFailure(logger, result.JobId, result.FailureDetails?.Type, result.FailureDetails?.Message);
        }

        return ValueTask.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PutJobSuccessResult(JobId={JobId}, Summary={Summary}, OutputVariables=[{OutputVariables}]) would be called")]
    private static partial void LogSuccess(ILogger logger, string? jobId, string? summary, string outputVariables);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PutJobFailureResult(JobId={JobId}, Type={FailureType}, Message={FailureMessage}) would be called")]
    private static partial void LogFailure(ILogger logger, string? jobId, string? failureType, string? failureMessage);
}
