using System.Diagnostics.Metrics;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// The batch adapters' built-in metrics, on the <c>Lambda.Toolkit.Batch</c> <see cref="Meter"/>: counters of records
/// processed (handled successfully, duplicates included), failed (reported back to the source), retried (handler calls
/// after the first), dead-lettered and skipped as duplicates, each tagged <c>lambda_toolkit.event_source</c> with the
/// adapter's name (<c>SQS</c>, <c>Kinesis</c>, ...). Processed, failed and dead-lettered add up to the batch size. An
/// OpenTelemetry SDK sees them with <c>AddMeter("Lambda.Toolkit.Batch")</c>; <c>Lambda.Toolkit.Metrics</c> writes them
/// as CloudWatch metrics. Nothing is measured while nobody listens (<see cref="Instrument.Enabled"/>).
/// One instance per mapped adapter holds its tag.
/// </summary>
internal sealed class BatchInstruments(string source)
{
    public const string MeterName = "Lambda.Toolkit.Batch";
    public const string EventSourceTag = "lambda_toolkit.event_source";

    private static readonly Meter Meter = new(MeterName, typeof(BatchInstruments).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> Processed = Meter.CreateCounter<long>("lambda_toolkit.batch.records.processed", "{record}", "Records handled successfully (duplicates included).");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("lambda_toolkit.batch.records.failed", "{record}", "Records that ended failed and go back to the source.");
    private static readonly Counter<long> Retried = Meter.CreateCounter<long>("lambda_toolkit.batch.records.retried", "{attempt}", "Handler calls after a record's first one.");
    private static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("lambda_toolkit.batch.records.dead_lettered", "{record}", "Records the dead-letter sink accepted.");
    private static readonly Counter<long> Duplicates = Meter.CreateCounter<long>("lambda_toolkit.batch.records.duplicates", "{record}", "Records acknowledged without handling because they were processed before.");

    /// <summary>For a batch run outside a mapped adapter.</summary>
    public static readonly BatchInstruments Unnamed = new("Batch");

    private readonly KeyValuePair<string, object?> _source = new(EventSourceTag, source);

    /// <summary>The adapter's name (<c>SQS</c>, <c>Kinesis</c>, ...), also the name of its record activities.</summary>
    public string Source => source;

    public void BatchCompleted(int processed, int failed, int deadLettered)
    {
        Add(Processed, processed);
        Add(Failed, failed);
        Add(DeadLettered, deadLettered);
    }

    public void Retry() => Add(Retried, 1);

    public void Duplicate() => Add(Duplicates, 1);

    private void Add(Counter<long> counter, int value)
    {
        if (value > 0 && counter.Enabled)
        {
            counter.Add(value, _source);
        }
    }
}
