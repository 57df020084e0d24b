namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// FIFO SQS: message groups run in parallel, up to <see cref="BatchOptions.MaxDegreeOfParallelism"/> at once,
/// each in order. After a failure the rest of its group stays failed without being handled, so the group's
/// order holds when it is delivered again; every failed record is reported.
/// </summary>
internal sealed class FifoGroupsStrategy<TRecord>(RecordStage<TRecord> stage, Func<TRecord, string?> groupKey, int parallelism) : IProcessingStrategy<TRecord>
{
    public bool DefersDeadLetters => false;

    public async ValueTask ProcessAsync(BatchRun<TRecord> run)
    {
        // Groups keep the order of their first message; messages keep their order within a group.
        var records = run.Records;
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var order = new List<List<int>>();
        for (var i = 0; i < records.Count; i++)
        {
            var key = groupKey(records[i]) ?? string.Empty;
            if (!groups.TryGetValue(key, out var members))
            {
                groups[key] = members = [];
                order.Add(members);
            }

            members.Add(i);
        }

        await Parallel.ForEachAsync(
            order,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism },
            async (members, _) =>
            {
                foreach (var i in members)
                {
                    if (await stage.ProcessAsync(run, i).ConfigureAwait(false) == RecordOutcome.Failed)
                    {
                        break;
                    }
                }
            }).ConfigureAwait(false);
    }

    public bool Reports(BatchRun<TRecord> run, int index) => true;
}
