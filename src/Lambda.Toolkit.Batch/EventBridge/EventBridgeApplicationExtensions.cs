using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events.EventBridge;

namespace Lambda.Toolkit.Batch.EventBridge;

/// <summary>
/// Maps EventBridge (and scheduled) event handlers. EventBridge invokes functions asynchronously: a failure
/// (after its retries) is rethrown so that Lambda's own retries and the function's on-failure destination apply.
/// </summary>
public static class EventBridgeApplicationExtensions
{
    /// <summary>Maps a handler of events whose <c>detail</c> is bound to <typeparamref name="TDetail"/>.</summary>
    /// <typeparam name="TDetail">The detail's type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="eventType">Source-generated metadata for the event with this detail type (list <c>EventBridgeEvent&lt;TDetail&gt;</c> in your JsonSerializerContext).</param>
    /// <param name="handler">Handles the event.</param>
    /// <param name="configure">Retries and hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapEventBridge<TDetail>(
        this LambdaApplication app, JsonTypeInfo<EventBridgeEvent<TDetail>> eventType, Func<EventBridgeEvent<TDetail>, RecordContext<EventBridgeEvent<TDetail>>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(eventType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new BatchAdapter<EventBridgeEvent<TDetail>, EventBridgeEvent<TDetail>>(
            "EventBridge",
            EventSource.EventBridge,
            eventType,
            static e => [e],
            null,
            _ => new RecordHandling<EventBridgeEvent<TDetail>>
            {
                Id = static e => e.Id,
                Handle = handler,
            },
            configure));
    }
}
