using Lambda.Toolkit.Events.S3Batch;

namespace Lambda.Toolkit.Batch.S3Batch;

/// <summary>
/// One task of an S3 Batch Operations invocation, with what the handler needs from its event: the decoded key, the
/// bucket's name whichever schema version named it, and the job's user arguments (schema <c>2.0</c>).
/// </summary>
public sealed class S3BatchTaskRecord
{
    private static readonly IReadOnlyDictionary<string, string> NoUserArguments = new Dictionary<string, string>(0, StringComparer.Ordinal);

    /// <summary>Creates a record: the adapter makes one per task; a unit test makes one to call a handler directly.</summary>
    /// <param name="event">The invocation's event.</param>
    /// <param name="task">The task, one of the event's.</param>
    /// <exception cref="ArgumentException">The task has no key, or no bucket (neither <c>s3Bucket</c> nor <c>s3BucketArn</c>).</exception>
    public S3BatchTaskRecord(S3BatchEvent @event, S3BatchTask task)
    {
        ArgumentNullException.ThrowIfNull(@event);
        ArgumentNullException.ThrowIfNull(task);
        Event = @event;
        Task = task;
        Key = task.DecodedKey ?? throw new ArgumentException($"Task {task.TaskId} has no s3Key.", nameof(task));
        Bucket = task.BucketName ?? throw new ArgumentException($"Task {task.TaskId} has neither s3Bucket nor s3BucketArn.", nameof(task));
    }

    /// <summary>The invocation's event: schema version, invocation id, job and every task.</summary>
    public S3BatchEvent Event { get; }

    /// <summary>The task as S3 sent it (its key still URL-encoded).</summary>
    public S3BatchTask Task { get; }

    /// <summary>The task's id.</summary>
    public string TaskId => Task.TaskId;

    /// <summary>The object key, decoded.</summary>
    public string Key { get; }

    /// <summary>The bucket's name (from <c>s3Bucket</c> in schema <c>2.0</c>, from <c>s3BucketArn</c> in <c>1.0</c>).</summary>
    public string Bucket { get; }

    /// <summary>The object's version id, when the manifest names one.</summary>
    public string? VersionId => Task.S3VersionId;

    /// <summary>The job's id.</summary>
    public string? JobId => Event.Job.Id;

    /// <summary>The job's user arguments (schema <c>2.0</c>); empty when it has none.</summary>
    public IReadOnlyDictionary<string, string> UserArguments => Event.Job.UserArguments ?? NoUserArguments;

    /// <summary>The event's schema version, <c>1.0</c> or <c>2.0</c>.</summary>
    public string InvocationSchemaVersion => Event.InvocationSchemaVersion;

    /// <summary>What the handler returned; set by the adapter.</summary>
    internal S3BatchResult? Result { get; set; }
}
