using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// What Lambda's Kinesis and DynamoDB Streams event source mappings do around a function, one rule per member
/// (Lambda Developer Guide, "Lambda parameters for Amazon Kinesis Data Streams event source mappings", the same for
/// DynamoDB Streams, "Retain discarded batch records" (on-failure destinations) and "Configuring partial batch
/// response"). One engine serves both streams: they differ in the record shape, not in the rules.
/// </summary>
internal static class StreamRules
{
    /// <summary>BatchSize defaults to 100 records.</summary>
    public const int DefaultBatchSize = 100;

    /// <summary>BatchSize is at most 10,000 records.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>MaximumRetryAttempts: -1 (the default) retries until the record expires; at most 10,000.</summary>
    public const int MaxRetryAttemptsLimit = 10_000;

    /// <summary>MaximumRecordAgeInSeconds: -1 (the default) never discards a record for its age; otherwise 60 seconds to 7 days.</summary>
    public static readonly TimeSpan MinRecordAge = TimeSpan.FromSeconds(60);

    /// <inheritdoc cref="MinRecordAge"/>
    public static readonly TimeSpan MaxRecordAge = TimeSpan.FromDays(7);

    /// <summary>A Kinesis data stream keeps records 24 hours by default; a DynamoDB stream keeps them 24 hours.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    /// <summary>Kinesis: at most 1,024 shards are simulated here (AWS's own limit per stream is an account quota).</summary>
    public const int MaxShards = 1024;

    /// <summary>
    /// The wait before retrying a failed batch. Lambda retries a failed stream batch with backoff but documents no
    /// schedule: modelled as 1 second, doubling per retry of the same batch, at most 1 minute (an assumption of this
    /// simulator, not an AWS figure), so an endlessly failing record runs into its retention period or maximum age
    /// in a bounded number of invocations.
    /// </summary>
    public static TimeSpan RetryDelay(int retries) => TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, Math.Max(0, retries - 1))));

    /// <summary>TumblingWindowInSeconds ranges from 0 (no windows, the default) to 900 seconds.</summary>
    public static readonly TimeSpan MaxTumblingWindow = TimeSpan.FromSeconds(900);

    /// <summary>
    /// Tumbling windows are fixed, contiguous, non-overlapping intervals: a record belongs to the window its arrival
    /// time falls in (modelled as aligned on multiples of the window length since the Unix epoch).
    /// </summary>
    public static DateTimeOffset WindowStart(DateTimeOffset arrivedAt, TimeSpan window) =>
        DateTimeOffset.UnixEpoch + TimeSpan.FromTicks((arrivedAt - DateTimeOffset.UnixEpoch).Ticks / window.Ticks * window.Ticks);

    /// <summary>The on-failure destination record's <c>condition</c> when retries are exhausted.</summary>
    public const string RetryAttemptsExhausted = "RetryAttemptsExhausted";

    /// <summary>The on-failure destination record's <c>condition</c> when a record is older than the maximum record age.</summary>
    public const string RecordAgeExceeded = "RecordAgeExceeded";

    /// <summary>Every problem with a configuration, as CreateEventSourceMapping would refuse it.</summary>
    public static IReadOnlyList<string> Validate(StreamSimulationOptions options)
    {
        var problems = new List<string>();
        if (options.BatchSize is < 1 or > MaxBatchSize)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--batch-size must be between 1 and {MaxBatchSize:N0} (was {options.BatchSize})."));
        }

        if (options.Shards is < 1 or > MaxShards)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--shards must be between 1 and {MaxShards:N0} (was {options.Shards})."));
        }

        if (options.MaxRetryAttempts is < -1 or > MaxRetryAttemptsLimit)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--max-retry-attempts must be -1 (infinite) or between 0 and {MaxRetryAttemptsLimit:N0} (was {options.MaxRetryAttempts})."));
        }

        if (options.MaxRecordAge is { } age && (age < MinRecordAge || age > MaxRecordAge))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--max-record-age must be -1 (infinite) or between {MinRecordAge.TotalSeconds:0} and {MaxRecordAge.TotalSeconds:0} seconds (7 days), was {age.TotalSeconds:0.###}."));
        }

        if (options.Retention < TimeSpan.FromHours(1) || options.Retention > TimeSpan.FromDays(365))
        {
            problems.Add("--retention-period must be between 3600 seconds (1 hour) and 31536000 seconds (365 days), as Kinesis allows.");
        }

        if (options.TumblingWindow < TimeSpan.Zero || options.TumblingWindow > MaxTumblingWindow)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--tumbling-window must be between 0 and {MaxTumblingWindow.TotalSeconds:0} seconds (was {options.TumblingWindow.TotalSeconds:0.###})."));
        }

        if (options.ArrivalInterval < TimeSpan.Zero)
        {
            problems.Add("--arrival-interval must not be negative.");
        }

        problems.AddRange(SimulationArguments.OutputProblems(("--on-failure", options.OnFailurePath)));

        return problems;
    }

    /// <summary>
    /// The shard of a record: Kinesis maps the MD5 hash of the partition key (a 128-bit number) onto the shards' hash
    /// key ranges, here split evenly; a DynamoDB stream's shards follow the table's partitions, modelled the same way
    /// from the item's key.
    /// </summary>
    public static int Shard(string partitionKey, int shards)
    {
        var hash = new BigInteger(MD5Hash(partitionKey), isUnsigned: true, isBigEndian: true);
        return (int)(hash * shards >> 128);
    }

    /// <summary>Whether a retry is allowed after <paramref name="retries"/> retries of the same records (-1: always).</summary>
    public static bool ShouldRetry(int retries, int maxRetryAttempts) => maxRetryAttempts < 0 || retries < maxRetryAttempts;

    /// <summary>A record older than the maximum record age is not sent to the function any more; it is discarded.</summary>
    public static bool TooOld(DateTimeOffset arrivedAt, TimeSpan? maxRecordAge, DateTimeOffset now) => maxRecordAge is { } age && now - arrivedAt > age;

    /// <summary>The stream drops a record when its retention period has passed, whether it was processed or not.</summary>
    public static bool Trimmed(DateTimeOffset arrivedAt, TimeSpan retention, DateTimeOffset now) => now - arrivedAt >= retention;

    /// <summary>
    /// BisectBatchOnFunctionError: a batch that failed with a function error is split in two and each half retried
    /// on its own; splitting does not use up the retry quota. A batch of one record cannot be split.
    /// </summary>
    public static bool ShouldBisect(bool bisectOnError, int batchSize, FunctionInvocation result) => bisectOnError && batchSize > 1 && !result.Succeeded;

    /// <summary>
    /// Checkpointing from a partial batch response: Lambda checkpoints before the failed record with the lowest
    /// sequence number and retries from there; the records before it are done.
    /// </summary>
    public static int Checkpoint(IReadOnlyList<string> sequenceNumbers, IReadOnlySet<string> failed)
    {
        for (var i = 0; i < sequenceNumbers.Count; i++)
        {
            if (failed.Contains(sequenceNumbers[i]))
            {
                return i;
            }
        }

        return sequenceNumbers.Count;
    }

    /// <summary>
    /// The on-failure destination's record for a skipped range: <c>requestContext</c> (<c>condition</c>,
    /// <c>approximateInvokeCount</c>), <c>responseContext</c>, <c>version</c>, <c>timestamp</c>, and the batch info
    /// (<c>KinesisBatchInfo</c> or <c>DDBStreamBatchInfo</c>: shard, first and last sequence numbers, arrival times,
    /// batch size, stream ARN). The records themselves are not in it.
    /// </summary>
    public static string OnFailureRecord(string batchInfoName, DateTimeOffset timestamp, string requestId, string functionArn, string condition, int invokeCount, FunctionInvocation? last, string shardId, string streamArn, IReadOnlyList<(string SequenceNumber, DateTimeOffset ArrivedAt)> range)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("requestContext");
            json.WriteString("requestId", requestId);
            json.WriteString("functionArn", functionArn);
            json.WriteString("condition", condition);
            json.WriteNumber("approximateInvokeCount", invokeCount);
            json.WriteEndObject();
            if (last is not null)
            {
                json.WriteStartObject("responseContext");
                json.WriteNumber("statusCode", 200);
                json.WriteString("executedVersion", "$LATEST");
                if (!last.Succeeded)
                {
                    json.WriteString("functionError", "Unhandled");
                }

                json.WriteEndObject();
            }

            json.WriteString("version", "1.0");
            json.WriteString("timestamp", SimulatedClock.Iso(timestamp));
            json.WriteStartObject(batchInfoName);
            json.WriteString("shardId", shardId);
            json.WriteString("startSequenceNumber", range[0].SequenceNumber);
            json.WriteString("endSequenceNumber", range[^1].SequenceNumber);
            json.WriteString("approximateArrivalOfFirstRecord", SimulatedClock.Iso(range[0].ArrivedAt));
            json.WriteString("approximateArrivalOfLastRecord", SimulatedClock.Iso(range[^1].ArrivedAt));
            json.WriteNumber("batchSize", range.Count);
            json.WriteString("streamArn", streamArn);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "Kinesis maps partition keys to shards by their MD5 hash; this is that mapping, not security.")]
    private static byte[] MD5Hash(string key) => MD5.HashData(Encoding.UTF8.GetBytes(key));
}
