using System.Text;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events.EventBridge;

namespace Lambda.Toolkit.Batch.EventBridge;

/// <summary>
/// One EventBridge map: the batch adapter for EventBridge events (read once, the event is the one record, a failure
/// rethrown) narrowed to one (source, detail-type) route. <see cref="Accepts"/> reads the two values through the
/// shared <see cref="EventBridgeHeaderClassifier"/> (once per invocation however many routes ask) and compares
/// bytes, so routing allocates nothing. A route that an earlier one covers is an init problem.
/// </summary>
internal sealed class EventBridgeAdapter<TDetail>(
    BatchAdapter<EventBridgeEvent<TDetail>, EventBridgeEvent<TDetail>> inner,
    EventBridgeRoutes routes,
    int route,
    string? source,
    string? detailType) : LambdaAdapter
{
    private readonly byte[]? _source = source is null ? null : Encoding.UTF8.GetBytes(source);
    private readonly byte[]? _detailType = detailType is null ? null : Encoding.UTF8.GetBytes(detailType);

    public override string Name => inner.Name;

    public override bool Accepts(InvocationContext context)
    {
        if (!inner.Accepts(context))
        {
            return false;
        }

        if (_source is null && _detailType is null)
        {
            return true;
        }

        var header = context.Classify(EventBridgeHeaderClassifier.Instance);
        var payload = context.Payload.Span;
        return header.SourceIs(payload, _source) && header.DetailTypeIs(payload, _detailType);
    }

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        // The detail's metadata is asked for, not the whole event's: passing EventBridgeEvent<X>'s compiles, then
        // fails on every event (the detail is not an event), so it is refused at init, naming the fix.
        if (typeof(TDetail).IsGenericType && typeof(TDetail).GetGenericTypeDefinition() == typeof(EventBridgeEvent<>))
        {
            context.AddProblem($"MapEventBridge was given the JsonTypeInfo of the whole event (EventBridgeEvent<{typeof(TDetail).GetGenericArguments()[0].Name}>) where it takes the detail's: pass the JsonTypeInfo of the detail type (EventBridgeJsonContext.Default.JsonElement for any detail).");
            return null;
        }

        if (routes.WhyUnreachable(route) is { } problem)
        {
            context.AddProblem(problem);
            return null;
        }

        return inner.Build(context);
    }
}
