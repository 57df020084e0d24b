using System.Text.Json;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// How Lambda reads a function's answer to a batch from SQS, Kinesis or DynamoDB Streams (Lambda Developer Guide,
/// "Implementing partial batch responses": the same rules for the three sources).
/// </summary>
internal static class PartialBatchResponse
{
    private static readonly HashSet<string> None = [];

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

        var (listed, invalid) = Read(result.Body);
        if (!reportBatchItemFailures)
        {
            var ignored = listed?.Where(all.Contains).ToHashSet(StringComparer.Ordinal) ?? None;
            return new(None, ignored, "the function succeeded and ReportBatchItemFailures is off, so Lambda deleted the whole batch");
        }

        if (invalid is not null)
        {
            return new(all, None, $"the response is not a valid partial batch response ({invalid}), so the whole batch came back");
        }

        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in listed ?? [])
        {
            if (!all.Contains(id))
            {
                return new(all, None, $"itemIdentifier '{id}' is not a message of the batch, so the whole batch came back");
            }

            failed.Add(id);
        }

        return new(failed, None, "reported in batchItemFailures");
    }

    /// <summary>
    /// Reads <c>batchItemFailures</c> as Lambda does (<c>simulate</c> and <c>poll sqs</c> both read it here): the listed
    /// ids (<see langword="null"/> when the response is empty, <c>null</c>, or has no list), or a problem that makes the
    /// response invalid (not JSON, not an object, a list that is not an array, an entry without a non-empty string
    /// <c>itemIdentifier</c>). Whether the ids are messages of the batch is the caller's check.
    /// </summary>
    public static (List<string>? Ids, string? Problem) Read(ReadOnlySpan<byte> body)
    {
        if (body.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            return (null, "the response is not JSON");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return root.ValueKind == JsonValueKind.Null ? (null, null) : (null, $"the response is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
            }

            if (!root.TryGetProperty("batchItemFailures", out var list) || list.ValueKind == JsonValueKind.Null)
            {
                return (null, null);
            }

            if (list.ValueKind != JsonValueKind.Array)
            {
                return (null, "batchItemFailures is not an array");
            }

            var ids = new List<string>();
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("itemIdentifier", out var id) || id.ValueKind == JsonValueKind.Null)
                {
                    return (null, "an entry has no itemIdentifier");
                }

                if (id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } text)
                {
                    return (null, "an itemIdentifier is empty or not a string");
                }

                ids.Add(text);
            }

            return (ids, null);
        }
    }
}

/// <summary>What Lambda does with each record of a batch after the invocation.</summary>
/// <param name="Failed">Records that come back (SQS: after their visibility timeout; streams: from the checkpoint).</param>
/// <param name="Ignored">Records the function reported as failed that Lambda counted as successes anyway (ReportBatchItemFailures off).</param>
/// <param name="Reason">Why, for the fate table.</param>
internal readonly record struct BatchVerdict(IReadOnlySet<string> Failed, IReadOnlySet<string> Ignored, string Reason);
