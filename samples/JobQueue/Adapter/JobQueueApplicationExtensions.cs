using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit;

namespace JobQueue.Adapter;

/// <summary>The one extension method of the job adapter, in the shape of the toolkit's own <c>Map*</c> methods.</summary>
public static class JobQueueApplicationExtensions
{
    /// <summary>Maps job batches to <typeparamref name="THandler"/>; the answer lists the failed job ids.</summary>
    public static LambdaApplication MapJobs<TPayload, THandler>(this LambdaApplication app, JsonTypeInfo<TPayload> payloadType, Action<JobQueueOptions>? configure = null)
        where THandler : class, IJobHandler<TPayload>
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(payloadType);
        return app.MapAdapter(new JobQueueAdapter<TPayload, THandler>(payloadType, configure));
    }
}
