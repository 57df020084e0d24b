using Lambda.Toolkit.Batch.DeadLetter;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>What a source supplies to the generic processor: how to identify, group, dead-letter and handle its records.</summary>
internal sealed class RecordHandling<TRecord>
{
    public required Func<TRecord, string> Id { get; init; }

    public required Func<TRecord, RecordContext<TRecord>, CancellationToken, ValueTask> Handle { get; init; }

    /// <summary>
    /// Turns a record into a dead letter (record, error type, error message). Required only where dead letters
    /// are allowed (SQS, streams); the processor refuses a <see cref="BatchOptions.DeadLetter"/> policy without it.
    /// </summary>
    public Func<TRecord, string, string, DeadLetterMessage>? ToDeadLetter { get; init; }

    public Func<TRecord, string?> GroupKey { get; init; } = static _ => null;

    /// <summary>The record's identity at the source, for idempotency; the <see cref="Id"/> when not set.</summary>
    public Func<TRecord, string>? IdempotencyKey { get; init; }

    public Func<TRecord, int> ReceiveCount { get; init; } = static _ => 0;

    /// <summary>The record's log scope (see <see cref="RecordLogScope"/>); <see langword="null"/> for sources that add none.</summary>
    public Func<TRecord, RecordLogScope>? LogScope { get; init; }

    /// <summary>The correlation id the record carries (see <see cref="RecordContext{TRecord}.CorrelationId"/>); none by default.</summary>
    public Func<TRecord, string?> CorrelationId { get; init; } = static _ => null;
}
