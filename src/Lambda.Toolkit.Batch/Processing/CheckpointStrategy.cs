namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// Streams (Kinesis, DynamoDB Streams) and asynchronous sources: records in order, stopping at the first
/// that ends failed. Only that record is reported: the stream checkpoints before it, and it and everything
/// after it are delivered again.
/// </summary>
internal sealed class CheckpointStrategy<TRecord>(RecordStage<TRecord> stage) : IProcessingStrategy<TRecord>
{
    public bool DefersDeadLetters => false;

    public async ValueTask ProcessAsync(BatchRun<TRecord> run)
    {
        for (var i = 0; i < run.Records.Count; i++)
        {
            if (await stage.ProcessAsync(run, i).ConfigureAwait(false) == RecordOutcome.Failed)
            {
                run.FirstFailed = i;
                return;
            }
        }
    }

    public bool Reports(BatchRun<TRecord> run, int index) => index == run.FirstFailed;
}
