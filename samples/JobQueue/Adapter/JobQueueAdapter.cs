using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit;
using Lambda.Toolkit.Adapters;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobQueue.Adapter;

/// <summary>
/// A custom event source on the public adapter contract: accepts job batches, validates its options and resolves
/// its handler at init, and answers with the ids of exactly the jobs that failed. Every job starts failed and is
/// cleared only when its handler returns, so a crash, a bad payload or the deadline never reports a job as done.
/// </summary>
internal sealed partial class JobQueueAdapter<TPayload, THandler>(JsonTypeInfo<TPayload> payloadType, Action<JobQueueOptions>? configure) : LambdaAdapter
    where THandler : class, IJobHandler<TPayload>
{
    public override string Name => "Job queue";

    public override bool Accepts(InvocationContext context) => context.Classify(JobBatchClassifier.Instance);

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var options = new JobQueueOptions();
        configure?.Invoke(options);
        context.AddProblems(options.Validate());
        var handler = context.GetScopedServiceFactory<THandler>();
        if (context.HasProblems)
        {
            return null;
        }

        var scopes = context.Services.GetRequiredService<IServiceScopeFactory>();
        var logger = context.CreateLogger("JobQueue");
        return async invocation =>
        {
            var batch = EventReader.Read(invocation.Payload.Span, JobQueueJsonContext.Default.JobBatch);
            var done = new bool[batch.Jobs.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, batch.Jobs.Count),
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
                async (i, _) => done[i] = await RunAsync(batch.Jobs[i]).ConfigureAwait(false)).ConfigureAwait(false);

            var result = new JobBatchResult();
            for (var i = 0; i < done.Length; i++)
            {
                if (!done[i])
                {
                    result.FailedJobIds.Add(batch.Jobs[i].JobId);
                }
            }

            invocation.Response.SetJson(result, JobQueueJsonContext.Default.JobBatchResult);

            async ValueTask<bool> RunAsync(Job job)
            {
                var token = invocation.CancellationToken;
                if (token.IsCancellationRequested || job.Attempt > options.MaxAttempts)
                {
                    return false;
                }

                var scope = scopes.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    try
                    {
                        var payload = job.Payload.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                            ? throw new InvalidEventException(typeof(TPayload), $"Job {job.JobId} has no payload.")
                            : EventReader.Read(job.Payload.GetRawText(), payloadType);
                        await handler(scope.ServiceProvider).HandleAsync(payload, new JobContext(job, invocation, scope.ServiceProvider), token).ConfigureAwait(false);
                        return true;
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        // The job is reported failed and comes back; the rest of the batch goes on.
                        LogJobFailed(logger, job.JobId, ex);
                        return false;
                    }
                }
            }
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} failed")]
    private static partial void LogJobFailed(ILogger logger, string jobId, Exception exception);
}
