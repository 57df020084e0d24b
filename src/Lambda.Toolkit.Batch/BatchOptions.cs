using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Retry;

namespace Lambda.Toolkit.Batch;

/// <summary>How a batch adapter processes records. Validated at init, with every other init problem.</summary>
public sealed class BatchOptions
{
    /// <summary>
    /// How many records of a standard SQS queue run at once; for a FIFO queue, how many message groups
    /// run at once (each group stays in order); for Kafka, how many partitions, and for Amazon MQ, how many queues
    /// (each in order). Streams are always sequential. Default: 1.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;

    /// <summary>Per-record retries within the invocation.</summary>
    public RecordRetryOptions Retry { get; set; } = new();

    /// <summary>Where records go when they cannot be processed; <see langword="null"/> (default) reports them failed so Lambda retries them.</summary>
    public DeadLetterPolicy? DeadLetter { get; set; }

    /// <summary>
    /// Skips records processed before (duplicates and redeliveries): each record is claimed in the store
    /// before it is handled, completed when it succeeds, released when it fails. A duplicate is acknowledged
    /// without being handled; a record another invocation is handling right now is reported failed, so it
    /// comes back. A store that fails leaves the record failed, never dropped. Default: <see langword="null"/>, off.
    /// </summary>
    public IdempotencyPolicy? Idempotency { get; set; }

    /// <summary>Called when a record succeeds (for metrics). Default: none.</summary>
    public Func<RecordSucceeded, ValueTask>? OnRecordSucceeded { get; set; }

    /// <summary>Called when a record fails, after its retries, whatever happens next. Default: none.</summary>
    public Func<RecordFailed, ValueTask>? OnRecordFailed { get; set; }

    /// <summary>Called once per batch with its totals. Default: none.</summary>
    public Func<BatchCompleted, ValueTask>? OnBatchCompleted { get; set; }

    internal List<string> Validate()
    {
        var problems = new List<string>();
        if (MaxDegreeOfParallelism < 1)
        {
            problems.Add($"{nameof(MaxDegreeOfParallelism)} must be at least 1 (was {MaxDegreeOfParallelism}).");
        }

        if (Retry is null)
        {
            problems.Add($"{nameof(Retry)} must not be null.");
        }
        else
        {
            Retry.Validate(problems);
        }

        if (DeadLetter?.MaxReceiveCount is < 1)
        {
            problems.Add($"DeadLetter.MaxReceiveCount must be at least 1 (was {DeadLetter.MaxReceiveCount}).");
        }

        Idempotency?.Validate(problems);
        return problems;
    }
}
