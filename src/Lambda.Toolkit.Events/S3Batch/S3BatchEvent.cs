using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3Batch;

/// <summary>
/// An Amazon S3 Batch Operations <c>LambdaInvoke</c> request: the job, and the tasks (one object each) the function
/// answers with an <see cref="S3BatchResponse"/>. Schema <c>1.0</c> names each task's bucket by ARN
/// (<see cref="S3BatchTask.S3BucketArn"/>); schema <c>2.0</c> names it by name (<see cref="S3BatchTask.S3Bucket"/>)
/// and carries the job's <see cref="S3BatchJob.UserArguments"/>.
/// </summary>
public sealed class S3BatchEvent
{
    /// <summary>The payload's schema version, <c>1.0</c> or <c>2.0</c>; the response echoes it.</summary>
    [JsonPropertyName("invocationSchemaVersion")]
    [JsonRequired]
    public required string InvocationSchemaVersion { get; set; }

    /// <summary>The invocation's id; the response echoes it.</summary>
    [JsonPropertyName("invocationId")]
    [JsonRequired]
    public required string InvocationId { get; set; }

    /// <summary>The job the tasks belong to.</summary>
    [JsonPropertyName("job")]
    [JsonRequired]
    public required S3BatchJob Job { get; set; }

    /// <summary>The tasks to perform; S3 sends one per invocation today, and the response answers each by id.</summary>
    [JsonPropertyName("tasks")]
    [JsonRequired]
    public required IList<S3BatchTask> Tasks { get; set; }
}
