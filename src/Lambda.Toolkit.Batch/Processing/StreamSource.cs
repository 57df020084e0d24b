using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Logging;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// What the stream sources (Kinesis, DynamoDB Streams) share: records in order, a checkpoint at the first failure
/// reported by sequence number, the event id as the idempotency key, and the whole record as a dead letter's body.
/// </summary>
internal static class StreamSource
{
    public static BatchAdapter<TEvent, TRecord> Adapter<TEvent, TRecord>(
        string name,
        EventSource source,
        JsonTypeInfo<TEvent> eventType,
        Func<TEvent, IList<TRecord>> records,
        JsonTypeInfo<TRecord> recordType,
        Func<TRecord, string> sequenceNumber,
        Func<TRecord, string?> eventId,
        Func<TRecord, string?> sourceArn,
        Func<TRecord, RecordContext<TRecord>, CancellationToken, ValueTask> handler,
        Action<BatchOptions>? configure) =>
        new(
            name,
            source,
            eventType,
            records,
            static _ => ProcessingOrder.StopAtFirstFailure,
            _ => new RecordHandling<TRecord>
            {
                Id = sequenceNumber,
                IdempotencyKey = r => eventId(r) ?? sequenceNumber(r),
                Handle = handler,
                LogScope = r => new RecordLogScope(LambdaLogKeys.EventId, eventId(r), LambdaLogKeys.ShardId, RecordLogScope.ShardOf(eventId(r))),
                ToDeadLetter = (r, errorType, errorMessage) => new DeadLetterMessage(
                    sequenceNumber(r),
                    Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(r, recordType)),
                    errorType,
                    errorMessage) { Source = sourceArn(r) },
            },
            configure);
}
