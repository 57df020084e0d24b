namespace Lambda.Toolkit.Batch;

/// <summary>A batch's totals. Succeeded + Failed + DeadLettered equals the records in the batch.</summary>
/// <param name="Records">Records in the batch.</param>
/// <param name="Succeeded">Records handled successfully.</param>
/// <param name="Failed">Records reported failed (or, for streams, covered by the reported checkpoint), to be delivered again.</param>
/// <param name="DeadLettered">Records accepted by the dead-letter sink and acknowledged.</param>
public readonly record struct BatchCompleted(int Records, int Succeeded, int Failed, int DeadLettered);
