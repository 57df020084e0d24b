using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CodePipeline;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Triggers.CodePipeline;

/// <summary>
/// The CodePipeline job adapter: runs the handler against a deadline of its own, turns whatever it does into one
/// result, reports that result through the options' delegate and writes it as the response. Nothing it logs holds
/// the artifact credentials.
/// </summary>
internal sealed partial class CodePipelineJobAdapter(
    Func<CodePipelineJobRequest, CancellationToken, ValueTask<CodePipelineJobResult>> handler,
    Action<CodePipelineJobOptions> configure) : LambdaAdapter
{
    private const int MaxMessageLength = 5000;

    public override string Name => "CodePipeline job";

    public override bool Accepts(InvocationContext context) => context.Classify(CodePipelineJobClassifier.Instance);

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var options = new CodePipelineJobOptions();
        configure(options);
        context.AddProblems(options.Validate());
        if (context.HasProblems)
        {
            return null;
        }

        var logger = context.CreateLogger("Lambda.Toolkit.Triggers.CodePipeline");
        var report = options.ReportResult!;
        var reserve = options.ReportReserve;
        return invocation => new ValueTask(HandleAsync(invocation, report, reserve, logger));
    }

    private async Task HandleAsync(
        InvocationContext invocation,
        Func<CodePipelineJobRequest, CodePipelineJobResult, CancellationToken, ValueTask> report,
        TimeSpan reserve,
        ILogger logger)
    {
        var jobEvent = EventReader.Read(invocation.Payload.Span, CodePipelineJsonContext.Default.CodePipelineJobEvent);
        if (jobEvent.Job is null)
        {
            throw new InvalidEventException(typeof(CodePipelineJobEvent), "The CodePipeline event's CodePipeline.job is null.") { JsonPath = "$['CodePipeline.job']" };
        }

        if (string.IsNullOrEmpty(jobEvent.Job.Id))
        {
            throw new InvalidEventException(typeof(CodePipelineJobEvent), "The CodePipeline job has no id, so its result cannot be reported.") { JsonPath = "$['CodePipeline.job'].id" };
        }

        var request = new CodePipelineJobRequest(jobEvent.Job, invocation.Services);
        var time = invocation.TimeProvider;
        var untilReserve = invocation.Deadline - reserve - time.GetUtcNow();
        using var stop = new CancellationTokenSource(untilReserve > TimeSpan.Zero ? untilReserve : TimeSpan.Zero, time);
        using var linked = invocation.CancellationToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), stop);
        var token = stop.Token;

        // On the thread pool, so that a handler that blocks cannot keep the failure from being reported.
        var work = Task.Run(() => handler(request, token).AsTask(), CancellationToken.None);
        await Task.WhenAny(work, Task.Delay(Timeout.InfiniteTimeSpan, token)).ConfigureAwait(false);

        // Stopped at the reserve: still running, or ended by cancellation after the token fired.
        var timedOut = !work.IsCompleted
            || ((work.IsCanceled || work.Exception?.GetBaseException() is OperationCanceledException) && token.IsCancellationRequested);
        CodePipelineJobResult result;
        if (work.IsCompletedSuccessfully)
        {
            result = work.Result ?? CodePipelineJobResult.Failed(CodePipelineFailureTypes.JobFailed, "The job's handler returned no result.");
        }
        else if (!timedOut)
        {
            var failure = work.IsCanceled ? new OperationCanceledException("The job's handler was canceled.") : work.Exception!.GetBaseException();
            LogHandlerFailed(logger, request.JobId, failure);
            result = failure is CodePipelineJobException job
                ? CodePipelineJobResult.Failed(job.FailureType, job.Message)
                : CodePipelineJobResult.Failed(CodePipelineFailureTypes.JobFailed, $"{failure.GetType().Name}: {failure.Message}");
        }
        else
        {
            LogHandlerTimedOut(logger, request.JobId);
            result = CodePipelineJobResult.Failed(
                CodePipelineFailureTypes.JobFailed,
                $"The job's handler did not finish in time: it was stopped {(invocation.Deadline - time.GetUtcNow()).TotalSeconds:0.###} s before the function's timeout so that this failure could be reported.");
        }

        result.JobId = request.JobId;
        if (result.Status is not (CodePipelineJobStatus.Succeeded or CodePipelineJobStatus.Failed))
        {
            result = CodePipelineJobResult.Failed(
                CodePipelineFailureTypes.JobFailed,
                $"The job's handler returned a result with status '{result.Status}'; make results with CodePipelineJobResult.Succeeded, Continue or Failed.");
            result.JobId = request.JobId;
        }

        if (result.FailureDetails is { Message.Length: > MaxMessageLength } details)
        {
            details.Message = details.Message[..MaxMessageLength];
        }

        var untilDeadline = invocation.Deadline - time.GetUtcNow();
        using (var deadline = new CancellationTokenSource(untilDeadline > TimeSpan.Zero ? untilDeadline : TimeSpan.Zero, time))
        {
            try
            {
                await report(request, result, deadline.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogReportFailed(logger, request.JobId, result.Status!, ex);
                throw;
            }
        }

        LogReported(logger, request.JobId, result.Status!);
        invocation.Response.SetJson(result, CodePipelineJsonContext.Default.CodePipelineJobResult);

        if (!work.IsCompleted)
        {
            // Keep the scope alive for the handler; its result is ignored, as the failure has been reported.
            try
            {
                await work.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogLateFailure(logger, request.JobId, ex);
            }
        }
    }

    [LoggerMessage(EventId = 190, Level = LogLevel.Error, Message = "The CodePipeline job {JobId} handler failed; the failure is reported")]
    private static partial void LogHandlerFailed(ILogger logger, string jobId, Exception exception);

    [LoggerMessage(EventId = 191, Level = LogLevel.Error, Message = "The CodePipeline job {JobId} handler did not finish before its deadline; a failure is reported")]
    private static partial void LogHandlerTimedOut(ILogger logger, string jobId);

    [LoggerMessage(EventId = 192, Level = LogLevel.Error, Message = "Reporting the CodePipeline job {JobId} as {Status} failed")]
    private static partial void LogReportFailed(ILogger logger, string jobId, string status, Exception exception);

    [LoggerMessage(EventId = 193, Level = LogLevel.Information, Message = "CodePipeline job {JobId} reported {Status}")]
    private static partial void LogReported(ILogger logger, string jobId, string status);

    [LoggerMessage(EventId = 194, Level = LogLevel.Warning, Message = "The CodePipeline job {JobId} handler failed after a failure was reported")]
    private static partial void LogLateFailure(ILogger logger, string jobId, Exception exception);
}
