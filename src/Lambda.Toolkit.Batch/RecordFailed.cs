namespace Lambda.Toolkit.Batch;

/// <summary>A record failed after its retries (or permanently).</summary>
/// <param name="RecordId">The message id or sequence number.</param>
/// <param name="Exception">The last failure.</param>
public readonly record struct RecordFailed(string RecordId, Exception Exception);
