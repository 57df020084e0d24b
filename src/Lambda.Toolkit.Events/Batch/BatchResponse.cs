using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Batch;

/// <summary>
/// The partial batch response of SQS, Kinesis and DynamoDB Streams handlers (with ReportBatchItemFailures
/// enabled): only the listed records are retried.
/// </summary>
public sealed class BatchResponse
{
    /// <summary>
    /// The records that failed; empty when all succeeded.
    /// </summary>
    [JsonPropertyName("batchItemFailures")]
    public IList<BatchItemFailure> BatchItemFailures { get; set; } = [];

    /// <summary>Creates a response listing <paramref name="failedIdentifiers"/>.</summary>
    /// <param name="failedIdentifiers">The message ids or sequence numbers that failed.</param>
    /// <returns>The response.</returns>
    public static BatchResponse Failed(IEnumerable<string> failedIdentifiers)
    {
        ArgumentNullException.ThrowIfNull(failedIdentifiers);
        var response = new BatchResponse();
        foreach (var id in failedIdentifiers)
        {
            response.BatchItemFailures.Add(new BatchItemFailure { ItemIdentifier = id });
        }

        return response;
    }
}
