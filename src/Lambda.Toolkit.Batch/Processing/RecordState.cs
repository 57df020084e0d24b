namespace Lambda.Toolkit.Batch.Processing;

/// <summary>One record on its way through the <see cref="RecordStep{TRecord}"/> chain.</summary>
internal sealed class RecordState<TRecord>(BatchRun<TRecord> run, TRecord record)
{
    public BatchRun<TRecord> Run { get; } = run;

    public TRecord Record { get; } = record;

    /// <summary>The record's context in its own scope; set by <see cref="ScopeStep{TRecord}"/> before the handler runs.</summary>
    public RecordContext<TRecord>? Context { get; set; }

    /// <summary>How often the handler was called.</summary>
    public int Attempts { get; set; }
}
