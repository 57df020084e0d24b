namespace JobQueue.Adapter;

/// <summary>Handles one job's payload. Resolved from the job's own DI scope; register it in the container.</summary>
/// <typeparam name="TPayload">The payload's type.</typeparam>
public interface IJobHandler<in TPayload>
{
    ValueTask HandleAsync(TPayload payload, JobContext context, CancellationToken cancellationToken);
}

/// <summary>The job being handled, its scope's services and the invocation it belongs to.</summary>
public sealed class JobContext(Job job, Lambda.Toolkit.InvocationContext invocation, IServiceProvider services)
{
    public Job Job { get; } = job;

    public Lambda.Toolkit.InvocationContext Invocation { get; } = invocation;

    public IServiceProvider Services { get; } = services;
}
