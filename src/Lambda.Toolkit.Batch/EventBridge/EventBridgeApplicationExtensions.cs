using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events.EventBridge;
using Lambda.Toolkit.Logging;

namespace Lambda.Toolkit.Batch.EventBridge;

/// <summary>
/// Maps EventBridge (and scheduled) event handlers, each for its own <c>source</c> and <c>detail-type</c>, with
/// the detail bound through its own source-generated metadata (list only the detail type in your
/// JsonSerializerContext). EventBridge invokes functions asynchronously: a failure (after its retries) is
/// rethrown so that Lambda's own retries and the function's on-failure destination apply.
/// </summary>
/// <remarks>
/// Maps are asked in the order they were mapped and the first whose source and detail-type match takes the
/// event; an event none takes is reported as unrouted. A map that an earlier one covers (the same source and
/// detail-type, or an earlier map for any detail-type of its source) is an init problem. A detail that is not a
/// <c>TDetail</c> fails the invocation as an invalid event naming the event id and the JSON path under
/// <c>$.detail</c>. Shipped detail types: <c>ScheduledEventDetail</c> and the S3 ones in
/// <c>Lambda.Toolkit.Events.EventBridge.S3</c>, all in <c>EventBridgeJsonContext</c>.
/// </remarks>
/// <example>
/// <code>
/// app.MapEventBridge("aws.s3", "Object Created", EventBridgeJsonContext.Default.S3ObjectCreatedDetail,
///     (e, record, ct) => thumbnails.MakeAsync(e.Detail!.Bucket.Name, e.Detail.Object.Key, ct));
/// app.MapEventBridge("com.example.orders", "Order Placed", MyJson.Default.OrderPlaced, (e, record, ct) => ...);
/// </code>
/// </example>
public static class EventBridgeApplicationExtensions
{
    /// <summary>Maps a handler of every EventBridge event, its <c>detail</c> bound to <typeparamref name="TDetail"/> (use <c>EventBridgeJsonContext.Default.JsonElement</c> for any detail).</summary>
    /// <typeparam name="TDetail">The detail's type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="detail">Source-generated metadata for <typeparamref name="TDetail"/>.</param>
    /// <param name="handler">Handles the event.</param>
    /// <param name="configure">Retries, idempotency (keyed by the event id) and hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapEventBridge<TDetail>(
        this LambdaApplication app,
        JsonTypeInfo<TDetail> detail,
        Func<EventBridgeEvent<TDetail>, RecordContext<EventBridgeEvent<TDetail>>, CancellationToken, ValueTask> handler,
        Action<BatchOptions>? configure = null) =>
        app.MapEventBridge(null, null, detail, handler, configure);

    /// <summary>Maps a handler of the EventBridge events from <paramref name="source"/> with <paramref name="detailType"/>, their <c>detail</c> bound to <typeparamref name="TDetail"/>.</summary>
    /// <typeparam name="TDetail">The detail's type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="source">The events' <c>source</c>, for example <c>aws.s3</c> (compared ordinally); <see langword="null"/> for any.</param>
    /// <param name="detailType">The events' <c>detail-type</c>, for example <c>Object Created</c> (compared ordinally); <see langword="null"/> for any.</param>
    /// <param name="detail">Source-generated metadata for <typeparamref name="TDetail"/>.</param>
    /// <param name="handler">Handles the event.</param>
    /// <param name="configure">Retries, idempotency (keyed by the event id) and hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapEventBridge<TDetail>(
        this LambdaApplication app,
        string? source,
        string? detailType,
        JsonTypeInfo<TDetail> detail,
        Func<EventBridgeEvent<TDetail>, RecordContext<EventBridgeEvent<TDetail>>, CancellationToken, ValueTask> handler,
        Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(detail);
        ArgumentNullException.ThrowIfNull(handler);
        var routes = EventBridgeRoutes.Of(app);
        var inner = new BatchAdapter<EventBridgeEvent<TDetail>, EventBridgeEvent<TDetail>>(
            "EventBridge",
            EventSource.EventBridge,
            EventBridgeEventJson.Create(detail),
            static e => [e],
            null,
            _ => new RecordHandling<EventBridgeEvent<TDetail>>
            {
                Id = static e => e.Id,
                Handle = handler,
                CorrelationId = static e => e.Id,
                LogScope = static e => new RecordLogScope(LambdaLogKeys.CorrelationId, e.Id),
            },
            configure);
        return app.MapAdapter(new EventBridgeAdapter<TDetail>(inner, routes, routes.Add(source, detailType), source, detailType));
    }
}
