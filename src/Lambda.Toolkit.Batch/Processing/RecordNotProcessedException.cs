namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// The failure a batch reports for a record that ended failed without a failure of its own: the deadline
/// came first, or the dead-letter sink refused it. Reported with <see cref="BatchErrorTypes.RecordNotProcessed"/>.
/// </summary>
internal sealed class RecordNotProcessedException : LambdaFunctionException
{
    public RecordNotProcessedException(string recordId)
        : base(BatchErrorTypes.RecordNotProcessed, $"Record {recordId} was not processed: the invocation's deadline came first or the dead-letter sink refused it.")
    {
        RecordId = recordId;
    }

    /// <summary>The record's id (message id, sequence number).</summary>
    public string RecordId { get; }
}
