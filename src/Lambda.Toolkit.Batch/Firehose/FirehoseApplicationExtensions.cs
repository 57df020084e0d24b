using System.Text;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events.Firehose;

namespace Lambda.Toolkit.Batch.Firehose;

/// <summary>
/// Maps Kinesis Data Firehose data-transformation handlers. The function answers every record of the event, once
/// and in order: <c>Ok</c> with the handler's new data (base64-encoded by the adapter), <c>Dropped</c>, or
/// <c>ProcessingFailed</c>. A handler that throws, data that is not base64 (or, for the typed overload, not the
/// handler's JSON type) and the invocation's deadline fail that record only, with its original data. Records are
/// not retried within the invocation. A response over Lambda's 6 MB limit fails the invocation, before it is
/// sent, with <see cref="LambdaErrorTypes.ResponseTooLarge"/> and a message naming its size and the limit.
/// </summary>
public static class FirehoseApplicationExtensions
{
    /// <summary>Maps a handler whose records' data is UTF-8 JSON, bound through <paramref name="dataType"/>.</summary>
    /// <typeparam name="TData">The type of each record's data.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="dataType">Source-generated metadata for <typeparamref name="TData"/>.</param>
    /// <param name="handler">Transforms one record.</param>
    /// <param name="configure">Parallelism.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapFirehose<TData>(
        this LambdaApplication app,
        JsonTypeInfo<TData> dataType,
        Func<TData, RecordContext<FirehoseRecord>, CancellationToken, ValueTask<FirehoseResult>> handler,
        Action<FirehoseOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(dataType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapFirehose(
            (record, context, ct) => handler(RecordBinder.Bind(Encoding.UTF8.GetString(record.DecodeData()), dataType, record.RecordId), context, ct),
            configure);
    }

    /// <summary>Maps a handler of raw records (<see cref="FirehoseRecord.DecodeData"/> gives the bytes).</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Transforms one record.</param>
    /// <param name="configure">Parallelism.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapFirehose(
        this LambdaApplication app,
        Func<FirehoseRecord, RecordContext<FirehoseRecord>, CancellationToken, ValueTask<FirehoseResult>> handler,
        Action<FirehoseOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new FirehoseAdapter(_ => handler, configure));
    }
}
