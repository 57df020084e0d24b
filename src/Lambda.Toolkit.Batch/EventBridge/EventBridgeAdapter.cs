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
        if (routes.WhyUnreachable(route) is { } problem)
        {
            context.AddProblem(problem);
            return null;
        }

        return inner.Build(context);
    }
}
