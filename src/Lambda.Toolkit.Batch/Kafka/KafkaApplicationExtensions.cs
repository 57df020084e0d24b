using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Kafka;

namespace Lambda.Toolkit.Batch.Kafka;

/// <summary>
/// Maps Amazon MSK and self-managed Apache Kafka handlers. Records are handled per partition (<c>topic-partition</c>),
/// each partition in offset order; up to <see cref="BatchOptions.MaxDegreeOfParallelism"/> partitions run at once
/// (default 1: one after another). The function answers no partial batch response: when a record fails (after its
/// retries, unless the dead-letter sink takes it), the rest of its partition is not handled (it will come again after
/// it, in order), other partitions go on, and then the invocation fails naming the first failed record as
/// <c>topic-partition@offset</c>, so Lambda retries the whole batch (subject to the event source mapping's retry
/// and on-failure settings). Records that succeeded are delivered again with it: set
/// <see cref="BatchOptions.Idempotency"/> (keyed <c>topic-partition-offset</c>) to skip them on the retry, and
/// <see cref="BatchOptions.DeadLetter"/> to set a poison record aside (a dead-lettered record counts as handled).
/// An event source mapping in provisioned mode can also turn on ReportBatchItemFailures for Kafka; this adapter does
/// not answer a partial batch response, and Lambda reads its failed invocation as the failure of the whole batch either way.
/// </summary>
public static class KafkaApplicationExtensions
{
    /// <summary>
    /// Maps a handler whose record value (base64 on the wire) is JSON bound through <paramref name="valueType"/>. A value
    /// that is not base64 or not a <typeparamref name="TValue"/>, or a tombstone (no value), fails that record
    /// permanently (<see cref="BatchErrorTypes.InvalidRecord"/>, never retried); map the raw overload to handle tombstones.
    /// </summary>
    /// <typeparam name="TValue">The value's type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="valueType">Source-generated metadata for <typeparamref name="TValue"/>.</param>
    /// <param name="handler">Handles one record; the record context carries the raw record (key, headers, offset).</param>
    /// <param name="configure">Partition parallelism, retries, dead letters, idempotency, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapKafka<TValue>(
        this LambdaApplication app, JsonTypeInfo<TValue> valueType, Func<TValue, RecordContext<KafkaRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapKafka(
            (record, context, ct) => handler(Base64PayloadBinder.Bind(record.Value, valueType, "value", "Kafka record " + Id(record)), context, ct),
            configure);
    }

    /// <summary>Maps a handler of raw records (decode with <see cref="KafkaRecord.DecodeValue"/>, <see cref="KafkaRecord.GetValueString"/>, <see cref="KafkaRecord.GetHeader"/>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one record.</param>
    /// <param name="configure">Partition parallelism, retries, dead letters, idempotency, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapKafka(
        this LambdaApplication app, Func<KafkaRecord, RecordContext<KafkaRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new WholeBatchAdapter<KafkaEvent, KafkaRecord>(
            "Kafka",
            EventSource.Kafka,
            KafkaJsonContext.Default.KafkaEvent,
            static e => Records(e),
            _ => new RecordHandling<KafkaRecord>
            {
                Id = static r => Id(r),
                IdempotencyKey = static r => string.Create(CultureInfo.InvariantCulture, $"{r.Topic}-{r.Partition}-{r.Offset}"),
                GroupKey = static r => r.GetTopicPartition(),
                Handle = handler,
                ToDeadLetter = static (r, errorType, errorMessage) =>
                {
                    var partition = r.GetTopicPartition();
                    return new DeadLetterMessage(Id(r), Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(r, KafkaJsonContext.Default.KafkaRecord)), errorType, errorMessage)
                    {
                        Source = partition,
                        MessageGroupId = partition,
                    };
                },
            },
            configure));
    }

    /// <summary>A record's id in logs, hooks, dead letters and failures: <c>topic-partition@offset</c>.</summary>
    private static string Id(KafkaRecord record) => string.Create(CultureInfo.InvariantCulture, $"{record.Topic}-{record.Partition}@{record.Offset}");

    /// <summary>Every partition's records, partition after partition as the event lists them, each in offset order.</summary>
    private static List<KafkaRecord> Records(KafkaEvent @event)
    {
        var count = 0;
        foreach (var partition in @event.Records.Values)
        {
            count += partition?.Count ?? 0;
        }

        var records = new List<KafkaRecord>(count);
        foreach (var partition in @event.Records.Values)
        {
            if (partition is null)
            {
                continue;
            }

            var start = records.Count;
            var ordered = true;
            for (var i = 0; i < partition.Count; i++)
            {
                var record = partition[i] ?? throw new InvalidEventException(typeof(KafkaEvent), "The event is not a valid KafkaEvent: a partition lists a null record.");
                ordered &= i == 0 || record.Offset >= partition[i - 1].Offset;
                records.Add(record);
            }

            if (!ordered)
            {
                records.Sort(start, partition.Count, OffsetOrder.Instance);
            }
        }

        return records;
    }

    private sealed class OffsetOrder : IComparer<KafkaRecord>
    {
        public static readonly OffsetOrder Instance = new();

        public int Compare(KafkaRecord? x, KafkaRecord? y) => x!.Offset.CompareTo(y!.Offset);
    }
}
