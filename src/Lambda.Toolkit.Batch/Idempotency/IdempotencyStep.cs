using Lambda.Toolkit.Batch.Processing;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Idempotency;

/// <summary>
/// Claims the record in the idempotency store, runs the next step, then completes or releases the claim.
/// Composed only when <see cref="BatchOptions.Idempotency"/> is set.
/// </summary>
internal sealed class IdempotencyStep<TRecord>(
    IdempotencyPolicy policy, RecordHandling<TRecord> handling, RecordStep<TRecord> next, Func<RecordSucceeded, ValueTask>? onSucceeded, ILogger logger)
    : RecordStep<TRecord>
{
    private static readonly TimeSpan MinimumLease = TimeSpan.FromSeconds(1);
    private readonly Func<TRecord, string> _recordKey = handling.IdempotencyKey ?? handling.Id;

    public override async ValueTask<Exception?> ExecuteAsync(RecordState<TRecord> state)
    {
        var invocation = state.Run.Invocation;
        var key = policy.Key(invocation, _recordKey(state.Record));
        var remaining = invocation.RemainingTime;
        var lease = remaining > MinimumLease ? remaining : MinimumLease;
        IIdempotencyStore store;
        IdempotencyClaim claim;
        try
        {
            store = policy.Store(invocation.Services);
            claim = await store.TryClaimAsync(key, lease, invocation.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The store (user-registered, usually remote) failed: the record stays failed and comes back, never dropped.
            return new IdempotencyException($"The idempotency store failed to claim {key}; the record is reported failed.", ex);
        }

        if (claim == IdempotencyClaim.AlreadyCompleted)
        {
            var recordId = handling.Id(state.Record);
            BatchLog.Duplicate(logger, recordId, key);
            state.Run.Instruments.Duplicate();
            if (onSucceeded is not null)
            {
                await BatchHooks.InvokeAsync(onSucceeded, new RecordSucceeded(recordId, 0), logger).ConfigureAwait(false);
            }

            return null;
        }

        if (claim != IdempotencyClaim.Claimed)
        {
            return new IdempotencyException($"Another invocation is handling {key}; the record is reported failed and comes back later.");
        }

        var failure = await next.ExecuteAsync(state).ConfigureAwait(false);
        try
        {
            if (failure is null)
            {
                await store.CompleteAsync(key, policy.Retention, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await store.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex)
        {
            // The store failed after the work: the record's own outcome stands; the claim ends when its lease runs out.
            BatchLog.IdempotencyStoreFailed(logger, key, ex);
        }

        return failure;
    }
}
