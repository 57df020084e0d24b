using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Processing;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.DeadLetter;

/// <summary>
/// Sends poison messages (without handling them) and records whose failure is final to the dead-letter sink;
/// a record leaves <see cref="RecordOutcome.Failed"/> only when the sink accepted it. Composed only when
/// <see cref="BatchOptions.DeadLetter"/> is set.
/// </summary>
internal sealed class DeadLetterStage<TRecord>(
    RecordStage<TRecord> inner, DeadLetterPolicy policy, RecordHandling<TRecord> handling, Func<TRecord, string, string, DeadLetterMessage> toDeadLetter, ILogger logger)
    : RecordStage<TRecord>
{
    private static readonly TimeSpan DeadLetterReserve = TimeSpan.FromMilliseconds(150);

    public override async ValueTask<RecordOutcome> ProcessAsync(BatchRun<TRecord> run, int index)
    {
        var record = run.Records[index];
        DeadLetterMessage message;
        if (policy.MaxReceiveCount is { } max && handling.ReceiveCount(record) is var received && received > max)
        {
            message = toDeadLetter(record, BatchErrorTypes.PoisonMessage, $"The message was received {received} times, more than the {max} allowed.");
        }
        else
        {
            var outcome = await inner.ProcessAsync(run, index).ConfigureAwait(false);
            if (outcome != RecordOutcome.Failed || !policy.WhenRetriesExhausted || run.Failures[index] is not { } failure || IsInterrupted(run, failure))
            {
                return outcome;
            }

            message = toDeadLetter(record, FunctionError.FromException(failure).ErrorType, failure.Message);
        }

        if (run.DefersDeadLetters)
        {
            run.DeferDeadLetter(index, message);
            return RecordOutcome.Failed;
        }

        var refused = await SendAsync(run, [message]).ConfigureAwait(false);
        return refused.Count == 0 ? run.Outcomes[index] = RecordOutcome.DeadLettered : RecordOutcome.Failed;
    }

    /// <summary>Sends the dead letters <paramref name="run"/> deferred, in one call; those the sink accepts end dead-lettered.</summary>
    public async ValueTask FlushAsync(BatchRun<TRecord> run)
    {
        if (run.PendingDeadLetters is not { Count: > 0 } pending)
        {
            return;
        }

        var refused = await SendAsync(run, pending.ConvertAll(static p => p.Message)).ConfigureAwait(false);
        foreach (var (index, message) in pending)
        {
            if (!refused.Contains(message.RecordId))
            {
                run.Outcomes[index] = RecordOutcome.DeadLettered;
            }
        }
    }

    /// <summary>Cut short by the deadline, or held by another invocation: the record comes back; it is not a dead letter.</summary>
    private static bool IsInterrupted(BatchRun<TRecord> run, Exception failure) =>
        (failure is OperationCanceledException && run.Invocation.CancellationToken.IsCancellationRequested) || failure is IdempotencyException;

    private async ValueTask<IReadOnlyCollection<string>> SendAsync(BatchRun<TRecord> run, List<DeadLetterMessage> messages)
    {
        // The send gets what is left of the invocation, less a reserve to answer Lambda, on the invocation's clock.
        var left = run.Invocation.RemainingTime - DeadLetterReserve;
        using var deadline = new CancellationTokenSource(left > TimeSpan.Zero ? left : TimeSpan.Zero, run.Invocation.TimeProvider);
        try
        {
            var sink = policy.Sink(run.Invocation.Services);
            return await sink.SendAsync(messages, deadline.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The sink (user-registered, usually remote) failed: the records stay failed and are delivered again, never dropped.
            BatchLog.DeadLetterFailed(logger, messages.Count, ex);
            return messages.ConvertAll(static m => m.RecordId);
        }
    }
}
