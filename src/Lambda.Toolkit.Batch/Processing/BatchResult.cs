using Lambda.Toolkit.Events.Batch;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>A processed batch: the response to return, and the first failure (rethrown by asynchronous sources).</summary>
internal sealed record BatchResult(BatchResponse Response, Exception? FirstFailure, RecordOutcome[] Outcomes);
