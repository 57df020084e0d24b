using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.DynamoDb;

namespace Lambda.Toolkit.Batch.DynamoDbStreams;

/// <summary>
/// Maps DynamoDB Streams handlers. Records are handled in order; at the first failure (after its retries)
/// processing stops and that record's sequence number is reported, so Lambda redelivers from it (enable
/// ReportBatchItemFailures).
/// </summary>
public static class DynamoDbStreamApplicationExtensions
{
    /// <summary>Maps a handler that receives NewImage and OldImage bound to <typeparamref name="TItem"/>. An image that does not fit fails that record only.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="itemType">Source-generated metadata for <typeparamref name="TItem"/>.</param>
    /// <param name="handler">Handles one change.</param>
    /// <param name="configure">Retries, dead letters, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapDynamoDbStream<TItem>(
        this LambdaApplication app, JsonTypeInfo<TItem> itemType, Func<DynamoDbItemChange<TItem>, RecordContext<DynamoDbRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
        where TItem : class
    {
        ArgumentNullException.ThrowIfNull(itemType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapDynamoDbStream(
            (record, context, ct) => handler(new DynamoDbItemChange<TItem>(record, Bind(record, record.DynamoDb.NewImage, "NewImage", itemType), Bind(record, record.DynamoDb.OldImage, "OldImage", itemType)), context, ct),
            configure);
    }

    /// <summary>Maps a handler of raw records.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one record.</param>
    /// <param name="configure">Retries, dead letters, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapDynamoDbStream(
        this LambdaApplication app, Func<DynamoDbRecord, RecordContext<DynamoDbRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(StreamSource.Adapter(
            "DynamoDB Streams",
            EventSource.DynamoDb,
            DynamoDbJsonContext.Default.DynamoDbEvent,
            static e => e.Records,
            DynamoDbJsonContext.Default.DynamoDbRecord,
            static r => r.DynamoDb.SequenceNumber,
            static r => r.EventId,
            static r => r.EventSourceArn,
            handler,
            configure));
    }

    private static TItem? Bind<TItem>(DynamoDbRecord record, Dictionary<string, AttributeValue>? image, string name, JsonTypeInfo<TItem> itemType)
        where TItem : class
    {
        if (image is null)
        {
            return null;
        }

        try
        {
            return DynamoDbImage.Deserialize(image, itemType);
        }
        catch (EventDeserializationException ex)
        {
            throw new RecordBindingException($"The {name} of record {record.DynamoDb.SequenceNumber} is not a valid {typeof(TItem).Name} at {ex.JsonPath}: {ex.Reason}", ex);
        }
    }

    /// <summary>
    /// Maps a tumbling-window aggregation: <paramref name="aggregate"/> gets the whole event (records, <c>Window</c>,
    /// the <c>State</c> returned by the window's previous invocation, <c>IsFinalInvokeForWindow</c>) and returns the
    /// new state, which the function answers (<c>{"state":{...},"batchItemFailures":[]}</c>) so that Lambda passes it
    /// to the next invocation of the window. State values are any JSON: numbers stay numbers. A throw fails the
    /// invocation and Lambda retries the batch with the state it had. Map this or <c>MapDynamoDbStream</c>, not both.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="aggregate">Folds the batch into the state; the invocation gives its scoped services.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapDynamoDbStreamWindow(
        this LambdaApplication app, Func<DynamoDbEvent, InvocationContext, CancellationToken, ValueTask<Dictionary<string, JsonElement>?>> aggregate)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(aggregate);
        return app.MapAdapter(new TimeWindowAdapter<DynamoDbEvent>("DynamoDB Streams window", EventSource.DynamoDb, DynamoDbJsonContext.Default.DynamoDbEvent, aggregate, static e => e.ShardId));
    }
}
