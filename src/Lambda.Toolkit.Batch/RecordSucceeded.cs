namespace Lambda.Toolkit.Batch;

/// <summary>A record succeeded.</summary>
/// <param name="RecordId">The message id or sequence number.</param>
/// <param name="Attempts">How many attempts it took; 0 when it was a duplicate that idempotency acknowledged without handling it.</param>
public readonly record struct RecordSucceeded(string RecordId, int Attempts);
