namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// Takes one record of a batch to its outcome: handled (<see cref="HandleStage{TRecord}"/>), then dead-lettered
/// when that is configured (<see cref="DeadLetter.DeadLetterStage{TRecord}"/>). Composed once, when the adapter
/// is mapped. A stage records the outcome in the <see cref="BatchRun{TRecord}"/> only when it leaves
/// <see cref="RecordOutcome.Failed"/>.
/// </summary>
internal abstract class RecordStage<TRecord>
{
    public abstract ValueTask<RecordOutcome> ProcessAsync(BatchRun<TRecord> run, int index);
}
