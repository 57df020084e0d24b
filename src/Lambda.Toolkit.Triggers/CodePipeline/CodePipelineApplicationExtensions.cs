using Lambda.Toolkit.Events.CodePipeline;

namespace Lambda.Toolkit.Triggers.CodePipeline;

/// <summary>
/// Maps the jobs of a CodePipeline Lambda invoke action. CodePipeline invokes the function asynchronously with a
/// <see cref="CodePipelineJobEvent"/> and waits for <c>PutJobSuccessResult</c> or <c>PutJobFailureResult</c>; the
/// adapter makes sure one of them is made, through <see cref="CodePipelineJobOptions.ReportResult"/>.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>The handler's <see cref="CodePipelineJobResult"/> is reported (its <c>jobId</c> filled in) and written as the function's response.</description></item>
/// <item><description>
/// A handler exception is reported as a failure: a <see cref="CodePipelineJobException"/> with its type, any other
/// as <see cref="CodePipelineFailureTypes.JobFailed"/> with <c>Type: message</c>; so is a null result. The invocation
/// then succeeds (the failure is logged), so Lambda does not run a job again that CodePipeline has been told failed.
/// </description></item>
/// <item><description>
/// A handler still running <see cref="CodePipelineJobOptions.ReportReserve"/> before the deadline is reported as
/// <see cref="CodePipelineFailureTypes.JobFailed"/> then; its later result is ignored.
/// </description></item>
/// <item><description>An event without <c>CodePipeline.job.id</c> fails as an invalid event (there is no job to report to).</description></item>
/// <item><description>The artifact credentials are never logged.</description></item>
/// </list>
/// </remarks>
public static class CodePipelineApplicationExtensions
{
    /// <summary>Maps CodePipeline jobs to a handler.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Runs the job and returns its result.</param>
    /// <param name="configure">Sets <see cref="CodePipelineJobOptions.ReportResult"/> (required).</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapCodePipelineJob(
        this LambdaApplication app,
        Func<CodePipelineJobRequest, CancellationToken, ValueTask<CodePipelineJobResult>> handler,
        Action<CodePipelineJobOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(configure);
        return app.MapAdapter(new CodePipelineJobAdapter(handler, configure));
    }
}
