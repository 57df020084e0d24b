namespace Lambda.Toolkit.Batch.Processing;

/// <summary>How the records of a batch are ordered while they are processed.</summary>
internal enum ProcessingOrder
{
    /// <summary>Standard SQS: any order, up to MaxDegreeOfParallelism at once; every failed record is reported.</summary>
    Unordered,

    /// <summary>FIFO SQS: each message group in order; after a failure the rest of its group is reported without being handled.</summary>
    FifoGroups,

    /// <summary>Streams and asynchronous sources: in order; the first failure is reported and processing stops.</summary>
    StopAtFirstFailure,
}
