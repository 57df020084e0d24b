namespace Lambda.Toolkit.Batch.Idempotency;

/// <summary>
/// Remembers which records have been processed, so a record delivered twice (an SQS duplicate, a batch
/// retried after a timeout, an asynchronous invocation retried by Lambda) has its effect once. A record is
/// claimed before it is handled, completed after it succeeds, and released when it fails so that its next
/// delivery can try again. Implementations must make <see cref="TryClaimAsync"/> atomic across every
/// execution environment that shares the store (the DynamoDB store in <c>Lambda.Toolkit.Aws</c> uses a
/// conditional write).
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Claims <paramref name="key"/> for processing, unless it is completed or held by a live claim.</summary>
    /// <param name="key">The record's idempotency key.</param>
    /// <param name="lease">How long the claim holds if it is never completed or released (a crashed invocation); after that the key can be claimed again.</param>
    /// <param name="cancellationToken">Fires before the invocation's deadline.</param>
    /// <returns>Whether the caller now holds the claim, or why not.</returns>
    ValueTask<IdempotencyClaim> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed key completed: deliveries within <paramref name="retention"/> are recognised as duplicates.</summary>
    /// <param name="key">The record's idempotency key.</param>
    /// <param name="retention">How long the key is remembered.</param>
    /// <param name="cancellationToken">Fires before the invocation's deadline.</param>
    /// <returns>A task that completes when the key is stored as completed.</returns>
    ValueTask CompleteAsync(string key, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Gives up a claim after a failure, so the next delivery of the record is handled again.</summary>
    /// <param name="key">The record's idempotency key.</param>
    /// <param name="cancellationToken">Fires before the invocation's deadline.</param>
    /// <returns>A task that completes when the claim is gone.</returns>
    ValueTask ReleaseAsync(string key, CancellationToken cancellationToken);
}
