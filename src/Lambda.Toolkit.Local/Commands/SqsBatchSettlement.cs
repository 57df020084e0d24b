using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// What an SQS event source mapping does with a batch once the function has answered: which messages it deletes
/// and which it leaves on the queue for redelivery (after their visibility timeout), with the reason for each.
/// Every rule Lambda applies lives here, one comment per rule naming the behaviour it models.
/// </summary>
/// <param name="Reasons">Per message, in batch order: <see langword="null"/> when it succeeded (to be deleted), else why it stays.</param>
/// <param name="Warning">A note on a response Lambda ignores or rejects, for the user; <see langword="null"/> when there is none.</param>
internal sealed record SqsBatchSettlement(IReadOnlyList<string?> Reasons, string? Warning)
{
    /// <summary>How many messages succeeded.</summary>
    public int Succeeded => Reasons.Count(r => r is null);

    /// <summary>How many messages stay for redelivery.</summary>
    public int Failed => Reasons.Count - Succeeded;

    /// <summary>Settles <paramref name="batch"/> after the invocation.</summary>
    /// <param name="batch">The messages, in the order of the event.</param>
    /// <param name="result">The invocation's result, or <see langword="null"/> when the function never took the event.</param>
    /// <param name="reportBatchItemFailures">The mapping's <c>FunctionResponseTypes</c> includes <c>ReportBatchItemFailures</c>.</param>
    public static SqsBatchSettlement Settle(IReadOnlyList<SqsMessage> batch, EmulatedInvocationResult? result, bool reportBatchItemFailures) =>
        Settle(batch, FailureOf(result), result is null ? default : result.Body.Span, reportBatchItemFailures);

    /// <summary>Why an invocation failed as a whole, or <see langword="null"/> when the function answered successfully.</summary>
    public static string? FailureOf(EmulatedInvocationResult? result) => result switch
    {
        null => "the function process exited before taking the event",
        { IsSuccess: true } => null,
        { Status: EmulatedInvocationStatus.Timeout } or { ErrorType: LambdaErrorTypes.Timeout } => "the invocation timed out",
        _ => $"the function failed ({result.ErrorType ?? "error"})",
    };

    /// <summary>Settles <paramref name="batch"/> given how the invocation ended.</summary>
    /// <param name="batch">The messages, in the order of the event.</param>
    /// <param name="failure">Why the invocation failed as a whole (<see cref="FailureOf"/>), or <see langword="null"/> when it succeeded.</param>
    /// <param name="response">The function's response, when it succeeded.</param>
    /// <param name="reportBatchItemFailures">The mapping's <c>FunctionResponseTypes</c> includes <c>ReportBatchItemFailures</c>.</param>
    public static SqsBatchSettlement Settle(IReadOnlyList<SqsMessage> batch, string? failure, ReadOnlySpan<byte> response, bool reportBatchItemFailures)
    {
        // Rule 1, function errors: an invocation that fails (an error response, a timeout, the runtime exiting or
        // running out of memory, a response over the payload limit) fails the whole batch; Lambda deletes nothing and
        // every message becomes visible again after its visibility timeout.
        if (failure is not null)
        {
            return All(batch, failure, null);
        }

        var (failures, problem) = PartialBatchResponse.Read(response);

        // Rule 2, ReportBatchItemFailures off: a successful invocation deletes the whole batch; Lambda does not look
        // at the response, so a partial batch response is ignored (and every message in it is deleted).
        if (!reportBatchItemFailures)
        {
            var warning = failures is { Count: > 0 }
                ? $"The function listed {failures.Count} batchItemFailures, but ReportBatchItemFailures is off (--report-batch-item-failures off): Lambda ignores them and deletes the whole batch, as done here."
                : null;
            return new([.. batch.Select(_ => (string?)null)], warning);
        }

        // Rule 3, an invalid partial batch response (not JSON, an itemIdentifier that is null, empty, not a string or
        // not the id of a message in the batch) fails the whole batch, as Lambda treats it as a complete failure.
        if (problem is not null)
        {
            return All(batch, "invalid partial batch response", $"The function's partial batch response is invalid ({problem}): Lambda treats the whole batch as failed, as done here.");
        }

        var ids = batch.Select(m => m.MessageId).ToHashSet(StringComparer.Ordinal);
        if (failures?.FirstOrDefault(id => !ids.Contains(id)) is { } unknown)
        {
            return All(batch, "invalid partial batch response", $"The function's partial batch response names itemIdentifier '{unknown}', which is not a message of the batch: Lambda treats the whole batch as failed, as done here.");
        }

        // Rule 4, a valid partial batch response: only the listed messages stay; an empty or null list, an empty
        // object or a null response means the whole batch succeeded.
        var listed = failures?.ToHashSet(StringComparer.Ordinal) ?? [];
        var reasons = batch.Select(m => listed.Contains(m.MessageId) ? "listed in batchItemFailures" : null).ToArray();

        // Rule 5, FIFO order: the messages of a group are delivered in order, so once one fails, the later messages of
        // its group in the batch stay too (they come back after it, in order), even if the function did not list them.
        var blocked = new Dictionary<string, string>(StringComparer.Ordinal);
        var fifoBlocked = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].MessageGroupId is not { } group)
            {
                continue;
            }

            if (reasons[i] is not null)
            {
                blocked.TryAdd(group, batch[i].MessageId);
            }
            else if (blocked.TryGetValue(group, out var first))
            {
                reasons[i] = $"behind failed message {first} of FIFO group {group}";
                fifoBlocked++;
            }
        }

        var note = fifoBlocked > 0
            ? $"{fifoBlocked} message(s) the function did not list come after a failed message of their FIFO group: left undeleted so the group keeps its order (a FIFO function should list a failed message and every later one of its group)."
            : null;
        return new(reasons, note);
    }

    private static SqsBatchSettlement All(IReadOnlyList<SqsMessage> batch, string reason, string? warning) =>
        new([.. batch.Select(_ => (string?)reason)], warning);
}
