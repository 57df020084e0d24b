namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// One step of handling a record (idempotency, scope, retry, the handler itself). Steps are composed once,
/// when the adapter is mapped, so a record runs only the steps its options ask for. A failure is a value:
/// <see langword="null"/> is success, anything else is the record's failure.
/// </summary>
internal abstract class RecordStep<TRecord>
{
    public abstract ValueTask<Exception?> ExecuteAsync(RecordState<TRecord> state);
}
