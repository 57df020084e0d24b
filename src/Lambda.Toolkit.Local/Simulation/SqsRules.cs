using System.Globalization;
using System.Text;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// What Lambda's SQS event source mapping and SQS itself do around a function, one rule per member. Each rule cites
/// the documented behaviour it models (Lambda Developer Guide, "Using Lambda with Amazon SQS" and "Lambda parameters
/// for Amazon SQS event source mappings"; SQS Developer Guide, visibility timeout, dead-letter queues, FIFO queues).
/// </summary>
internal static class SqsRules
{
    /// <summary>BatchSize defaults to 10 records per invocation.</summary>
    public const int DefaultBatchSize = 10;

    /// <summary>BatchSize: a standard queue allows up to 10,000 records per batch.</summary>
    public const int MaxStandardBatchSize = 10_000;

    /// <summary>BatchSize: a FIFO queue allows at most 10 records per batch.</summary>
    public const int MaxFifoBatchSize = 10;

    /// <summary>A batch size over 10 needs MaximumBatchingWindowInSeconds of at least 1 second.</summary>
    public const int MaxBatchSizeWithoutWindow = 10;

    /// <summary>MaximumBatchingWindowInSeconds ranges from 0 (the default) to 300 seconds.</summary>
    public static readonly TimeSpan MaxBatchWindow = TimeSpan.FromSeconds(300);

    /// <summary>A queue's VisibilityTimeout defaults to 30 seconds.</summary>
    public static readonly TimeSpan DefaultVisibilityTimeout = TimeSpan.FromSeconds(30);

    /// <summary>A queue's VisibilityTimeout ranges from 0 seconds to 12 hours.</summary>
    public static readonly TimeSpan MaxVisibilityTimeout = TimeSpan.FromHours(12);

    /// <summary>A redrive policy's maxReceiveCount ranges from 1 to 1,000.</summary>
    public const int MaxReceiveCountLimit = 1000;

    /// <summary>A queue's MessageRetentionPeriod defaults to 4 days.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(4);

    /// <summary>A queue's MessageRetentionPeriod ranges from 60 seconds to 14 days.</summary>
    public static readonly TimeSpan MinRetention = TimeSpan.FromSeconds(60);

    /// <inheritdoc cref="MinRetention"/>
    public static readonly TimeSpan MaxRetention = TimeSpan.FromDays(14);

    /// <summary>A FIFO queue drops a message whose deduplication id was sent in the last 5 minutes.</summary>
    public static readonly TimeSpan DeduplicationInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Lambda invokes the function synchronously, so a batch (the whole SQS event) stays within the synchronous
    /// payload limit of 6 MB: the poller stops adding records when the next one would go over.
    /// </summary>
    public const int MaxBatchBytes = LambdaLimits.SyncPayloadBytes;

    /// <summary>
    /// Every problem with an event source mapping's batching, as CreateEventSourceMapping would refuse it (<c>simulate
    /// sqs</c> and <c>poll sqs</c> both check it here): BatchSize from 1 to 10,000 (10 for a FIFO queue), over 10 only
    /// with a batching window of at least 1 second, and MaximumBatchingWindowInSeconds from 0 to 300, none for FIFO.
    /// </summary>
    /// <param name="fifo">Whether the queue is a FIFO queue.</param>
    /// <param name="batchSize">The mapping's BatchSize (<c>--batch-size</c>).</param>
    /// <param name="batchWindow">The mapping's MaximumBatchingWindowInSeconds (<c>--batch-window</c>).</param>
    public static IEnumerable<string> MappingProblems(bool fifo, int batchSize, TimeSpan batchWindow)
    {
        var maxBatch = fifo ? MaxFifoBatchSize : MaxStandardBatchSize;
        if (batchSize < 1 || batchSize > maxBatch)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--batch-size must be between 1 and {maxBatch:N0} for {(fifo ? "a FIFO" : "a standard")} queue (was {batchSize}).");
        }

        if (batchWindow < TimeSpan.Zero || batchWindow > MaxBatchWindow)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--batch-window must be between 0 and {MaxBatchWindow.TotalSeconds:0} seconds (was {batchWindow.TotalSeconds:0.###}).");
        }

        // Lambda does not support a batching window on FIFO queues.
        if (fifo && batchWindow > TimeSpan.Zero)
        {
            yield return "--batch-window is not supported for a FIFO queue: Lambda has no batching window for FIFO queues.";
        }

        if (!fifo && batchSize > MaxBatchSizeWithoutWindow && batchWindow < TimeSpan.FromSeconds(1))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"--batch-size {batchSize} needs --batch-window of at least 1 second: Lambda allows batches over {MaxBatchSizeWithoutWindow} only with a batching window.");
        }
    }

    /// <summary>Every problem with a configuration, as CreateEventSourceMapping and SetQueueAttributes would refuse it.</summary>
    public static IReadOnlyList<string> Validate(SqsSimulationOptions options, TimeSpan functionTimeout)
    {
        var problems = new List<string>();
        problems.AddRange(MappingProblems(options.Fifo, options.BatchSize, options.BatchWindow));
        if (options.VisibilityTimeout < TimeSpan.Zero || options.VisibilityTimeout > MaxVisibilityTimeout)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--visibility-timeout must be between 0 and {MaxVisibilityTimeout.TotalSeconds:0} seconds (12 hours)."));
        }
        else if (options.VisibilityTimeout < functionTimeout)
        {
            // CreateEventSourceMapping refuses a queue whose visibility timeout is shorter than the function timeout.
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--visibility-timeout ({options.VisibilityTimeout.TotalSeconds:0.###} s) must be at least the function's --timeout ({functionTimeout.TotalSeconds:0.###} s), as Lambda requires of an SQS event source."));
        }

        if (options.MaxReceiveCount is < 1 or > MaxReceiveCountLimit)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--max-receive-count must be between 1 and {MaxReceiveCountLimit:N0} (was {options.MaxReceiveCount})."));
        }

        if (options.Retention < MinRetention || options.Retention > MaxRetention)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"--retention-period must be between {MinRetention.TotalSeconds:0} seconds and {MaxRetention.TotalSeconds:0} seconds (14 days)."));
        }

        return problems;
    }

    /// <summary>
    /// Redrive: a message received <paramref name="maxReceiveCount"/> times without being deleted is moved to the
    /// dead-letter queue when it would be received once more, instead of being delivered.
    /// </summary>
    public static bool ShouldRedrive(int receiveCount, int? maxReceiveCount) => maxReceiveCount is { } max && receiveCount >= max;

    /// <summary>SQS deletes a message, received or not, when it has been in the queue for the retention period.</summary>
    public static bool RetentionExpired(DateTimeOffset sentAt, TimeSpan retention, DateTimeOffset now) => now >= sentAt + retention;

    /// <summary>
    /// A received message stays invisible for the visibility timeout, counted from the receive; if it is not deleted
    /// by then, it becomes visible again and is delivered again.
    /// </summary>
    public static DateTimeOffset VisibleAgainAt(DateTimeOffset receivedAt, TimeSpan visibilityTimeout) => receivedAt + visibilityTimeout;

    /// <summary>
    /// FIFO: a content-based deduplication id is the SHA-256 of the body (hex); an explicit
    /// MessageDeduplicationId wins.
    /// </summary>
    public static string DeduplicationId(string body, string? explicitId) =>
        explicitId ?? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));
}
