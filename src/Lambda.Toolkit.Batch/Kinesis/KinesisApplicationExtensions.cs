using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Kinesis;

namespace Lambda.Toolkit.Batch.Kinesis;

/// <summary>
/// Maps Kinesis Data Streams handlers. Records are handled in order; at the first failure (after its
/// retries) processing stops and that record's sequence number is reported, so Lambda checkpoints before
/// it and redelivers it and everything after it (enable ReportBatchItemFailures).
/// </summary>
public static class KinesisApplicationExtensions
{
    /// <summary>Maps a handler whose record data (base64 on the wire) is JSON bound through <paramref name="dataType"/>.</summary>
    /// <typeparam name="TData">The data's type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="dataType">Source-generated metadata for <typeparamref name="TData"/>.</param>
    /// <param name="handler">Handles one record.</param>
    /// <param name="configure">Retries, dead letters, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapKinesis<TData>(
        this LambdaApplication app, JsonTypeInfo<TData> dataType, Func<TData, RecordContext<KinesisEventRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(dataType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapKinesis((record, context, ct) => handler(Bind(record, dataType), context, ct), configure);
    }

    /// <summary>Maps a handler of raw records.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one record.</param>
    /// <param name="configure">Retries, dead letters, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapKinesis(
        this LambdaApplication app, Func<KinesisEventRecord, RecordContext<KinesisEventRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(StreamSource.Adapter(
            "Kinesis",
            EventSource.Kinesis,
            KinesisJsonContext.Default.KinesisEvent,
            static e => e.Records,
            KinesisJsonContext.Default.KinesisEventRecord,
            static r => r.Kinesis.SequenceNumber,
            static r => r.EventId,
            static r => r.EventSourceArn,
            handler,
            configure));
    }

    /// <summary>
    /// Maps a tumbling-window aggregation: <paramref name="aggregate"/> gets the whole event (records, <c>Window</c>,
    /// the <c>State</c> returned by the window's previous invocation, <c>IsFinalInvokeForWindow</c>) and returns the
    /// new state, which the function answers (<c>{"state":{...},"batchItemFailures":[]}</c>) so that Lambda passes it
    /// to the next invocation of the window. State values are any JSON: numbers stay numbers. A throw fails the
    /// invocation and Lambda retries the batch with the state it had. Map this or <c>MapKinesis</c>, not both.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="aggregate">Folds the batch into the state; the invocation gives its scoped services.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapKinesisWindow(
        this LambdaApplication app, Func<KinesisEvent, InvocationContext, CancellationToken, ValueTask<Dictionary<string, JsonElement>?>> aggregate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(aggregate);
        return app.MapAdapter(new TimeWindowAdapter<KinesisEvent>("Kinesis window", EventSource.Kinesis, KinesisJsonContext.Default.KinesisEvent, aggregate, static e => e.ShardId));
    }

    private static TData Bind<TData>(KinesisEventRecord record, JsonTypeInfo<TData> dataType)
    {
        byte[] data;
        try
        {
            data = record.Kinesis.DecodeData();
        }
        catch (EventDeserializationException ex)
        {
            throw new RecordBindingException($"The data of record {record.Kinesis.SequenceNumber} is not valid base64.", ex);
        }

        return RecordBinder.Bind(Encoding.UTF8.GetString(data), dataType, record.Kinesis.SequenceNumber);
    }
}
