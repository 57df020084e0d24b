namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// The order the records of a batch are processed in, and which failed records the batch reports. One
/// instance per <see cref="ProcessingOrder"/>, built when the adapter is mapped; it holds no per-batch state.
/// </summary>
internal interface IProcessingStrategy<TRecord>
{
    /// <summary>Whether dead letters wait for the end of the batch: only where no later record depends on an earlier one's outcome.</summary>
    bool DefersDeadLetters { get; }

    /// <summary>Takes the records of <paramref name="run"/> through the record stage, in this strategy's order.</summary>
    ValueTask ProcessAsync(BatchRun<TRecord> run);

    /// <summary>Whether the record at <paramref name="index"/>, which ended failed, is listed in the batch's item failures.</summary>
    bool Reports(BatchRun<TRecord> run, int index);
}
