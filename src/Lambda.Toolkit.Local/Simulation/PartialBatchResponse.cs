using System.Text;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Batch;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// How Lambda reads a function's answer to a batch from SQS, Kinesis or DynamoDB Streams (Lambda Developer Guide,
/// "Implementing partial batch responses": the same rules for the three sources).
/// </summary>
internal static class PartialBatchResponse
{
    /// <summary>
    /// Which records of a batch succeeded after the invocation (an SQS message is deleted, a stream checkpoints past
    /// it); the rest come back.
    /// <list type="bullet">
    /// <item>A failed invocation (function error, timeout, crashed environment): nothing is deleted, the whole batch comes back.</item>
    /// <item>ReportBatchItemFailures off: a successful invocation deletes the whole batch; a partial response is ignored.</item>
    /// <item>ReportBatchItemFailures on: an empty or null response, or an empty or null <c>batchItemFailures</c>, is complete
    /// success; the listed identifiers come back and the rest are deleted; a response that is not valid JSON, or an
    /// <c>itemIdentifier</c> that is missing, null, empty or not a message of the batch, fails the whole batch.</item>
    /// </list>
    /// </summary>
    /// <param name="batch">The item identifiers of the batch (SQS message ids, stream sequence numbers).</param>
    /// <param name="result">The invocation's result.</param>
    /// <param name="reportBatchItemFailures">The event source mapping's <c>FunctionResponseTypes</c> has <c>ReportBatchItemFailures</c>.</param>
    public static BatchVerdict Judge(IReadOnlyCollection<string> batch, FunctionInvocation result, bool reportBatchItemFailures)
    {
        var all = batch.ToHashSet(StringComparer.Ordinal);
        if (!result.Succeeded)
        {
            return new(all, None, result.Describe() + ", so the whole batch came back");
        }

        var (response, invalid) = ReadResponse(result.Body);
        if (!reportBatchItemFailures)
        {
            var ignored = response?.BatchItemFailures.Select(f => f.ItemIdentifier).Where(all.Contains).ToHashSet(StringComparer.Ordinal) ?? None;
            return new(None, ignored, "the function succeeded and ReportBatchItemFailures is off, so Lambda deleted the whole batch");
        }

        if (invalid is not null)
        {
            return new(all, None, $"the response is not a valid partial batch response ({invalid}), so the whole batch came back");
        }

        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var failure in response?.BatchItemFailures ?? [])
        {
            if (string.IsNullOrEmpty(failure.ItemIdentifier))
            {
                return new(all, None, "an itemIdentifier in batchItemFailures is null or empty, so the whole batch came back");
            }

            if (!all.Contains(failure.ItemIdentifier))
            {
                return new(all, None, $"itemIdentifier '{failure.ItemIdentifier}' is not a message of the batch, so the whole batch came back");
            }

            failed.Add(failure.ItemIdentifier);
        }

        return new(failed, None, "reported in batchItemFailures");
    }

    private static readonly HashSet<string> None = [];

    private static (BatchResponse? Response, string? Invalid) ReadResponse(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.Length == 0 || text == "null")
        {
            return (null, null);
        }

        try
        {
            var response = LambdaEventSerializer.Deserialize(text, LambdaEventsJsonContext.Default.BatchResponse);
            response.BatchItemFailures ??= [];
            return (response, null);
        }
        catch (EventDeserializationException ex)
        {
            return (null, ex.Message);
        }
    }
}

/// <summary>What Lambda does with each record of a batch after the invocation.</summary>
/// <param name="Failed">Records that come back (SQS: after their visibility timeout; streams: from the checkpoint).</param>
/// <param name="Ignored">Records the function reported as failed that Lambda counted as successes anyway (ReportBatchItemFailures off).</param>
/// <param name="Reason">Why, for the fate table.</param>
internal readonly record struct BatchVerdict(IReadOnlySet<string> Failed, IReadOnlySet<string> Ignored, string Reason);
