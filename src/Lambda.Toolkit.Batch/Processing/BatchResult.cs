using Lambda.Toolkit.Events.Batch;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// A processed batch: the response to return, the first failure (rethrown by asynchronous sources), each record's
/// outcome, and each record's failure when it had one (a record may have failed and still ended dead-lettered).
/// </summary>
internal sealed record BatchResult(BatchResponse Response, Exception? FirstFailure, RecordOutcome[] Outcomes, Exception?[] Failures);
