using Lambda.Toolkit.Batch.DeadLetter;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// The state of one batch while it is processed: an outcome and a failure per record, and the dead letters
/// waiting to be sent together at the end. Records start <see cref="RecordOutcome.Failed"/>.
/// </summary>
internal sealed class BatchRun<TRecord>
{
    private List<(int Index, DeadLetterMessage Message)>? _pendingDeadLetters;

    public BatchRun(InvocationContext invocation, IList<TRecord> records, bool defersDeadLetters)
    {
        Invocation = invocation;
        Records = records;
        DefersDeadLetters = defersDeadLetters;
        Outcomes = new RecordOutcome[records.Count];
        Failures = new Exception?[records.Count];
        Scopes = invocation.Services.GetRequiredService<IServiceScopeFactory>();
    }

    public InvocationContext Invocation { get; }

    /// <summary>The adapter's built-in metrics.</summary>
    public BatchInstruments Instruments { get; init; } = BatchInstruments.Unnamed;

    public IList<TRecord> Records { get; }

    public IServiceScopeFactory Scopes { get; }

    public RecordOutcome[] Outcomes { get; }

    /// <summary>Each record's failure, when it had one (it may still end dead-lettered).</summary>
    public Exception?[] Failures { get; }

    /// <summary>Whether dead letters wait for the end of the batch (one call to the sink) instead of going out one by one.</summary>
    public bool DefersDeadLetters { get; }

    /// <summary>The record a checkpointing stream stopped at; -1 when it did not stop.</summary>
    public int FirstFailed { get; set; } = -1;

    public void DeferDeadLetter(int index, DeadLetterMessage message)
    {
        lock (Outcomes)
        {
            (_pendingDeadLetters ??= []).Add((index, message));
        }
    }

    /// <summary>The dead letters deferred so far; read once the records are done.</summary>
    public List<(int Index, DeadLetterMessage Message)>? PendingDeadLetters => _pendingDeadLetters;
}
