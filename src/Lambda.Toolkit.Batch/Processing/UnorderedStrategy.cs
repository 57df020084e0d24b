namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// Standard SQS: records in any order, up to <see cref="BatchOptions.MaxDegreeOfParallelism"/> at once (in
/// order when that is 1); every failed record is reported; dead letters go out together at the end.
/// </summary>
internal sealed class UnorderedStrategy<TRecord>(RecordStage<TRecord> stage, int parallelism) : IProcessingStrategy<TRecord>
{
    public bool DefersDeadLetters => true;

    public async ValueTask ProcessAsync(BatchRun<TRecord> run)
    {
        if (parallelism == 1 || run.Records.Count < 2)
        {
            for (var i = 0; i < run.Records.Count; i++)
            {
                await stage.ProcessAsync(run, i).ConfigureAwait(false);
            }

            return;
        }

        await Parallel.ForEachAsync(
            Enumerable.Range(0, run.Records.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (i, _) => await stage.ProcessAsync(run, i).ConfigureAwait(false)).ConfigureAwait(false);
    }

    public bool Reports(BatchRun<TRecord> run, int index) => true;
}
