namespace Lambda.Toolkit.Batch.Idempotency;

/// <summary>The answer of <see cref="IIdempotencyStore.TryClaimAsync"/>.</summary>
public enum IdempotencyClaim
{
    /// <summary>The caller holds the claim and handles the record.</summary>
    Claimed = 0,

    /// <summary>The record was processed before: it is acknowledged without being handled again.</summary>
    AlreadyCompleted,

    /// <summary>Another invocation holds a live claim: the record is reported failed so it comes back later.</summary>
    InProgress,
}
