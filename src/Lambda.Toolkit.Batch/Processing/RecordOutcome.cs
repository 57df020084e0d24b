namespace Lambda.Toolkit.Batch.Processing;

/// <summary>How a record ended. Every record starts as <see cref="Failed"/> and leaves it only on success.</summary>
internal enum RecordOutcome : byte
{
    Failed = 0,
    Succeeded,
    DeadLettered,
}
