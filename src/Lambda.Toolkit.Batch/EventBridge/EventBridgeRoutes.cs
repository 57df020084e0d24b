using System.Runtime.CompilerServices;

namespace Lambda.Toolkit.Batch.EventBridge;

/// <summary>
/// The (source, detail-type) routes an application maps, in map order, so that each map can tell at init whether
/// an earlier one already takes all of its events. Kept with the application (the core knows no event source),
/// written only while mapping and read only at init; nothing in it changes per invocation.
/// </summary>
internal sealed class EventBridgeRoutes
{
    private static readonly ConditionalWeakTable<LambdaApplication, EventBridgeRoutes> ByApplication = [];
    private readonly List<(string? Source, string? DetailType)> _routes = [];

    /// <summary>The application's routes.</summary>
    public static EventBridgeRoutes Of(LambdaApplication app) => ByApplication.GetValue(app, static _ => new EventBridgeRoutes());

    /// <summary>Adds a route; returns its position.</summary>
    public int Add(string? source, string? detailType)
    {
        lock (_routes)
        {
            _routes.Add((source, detailType));
            return _routes.Count - 1;
        }
    }

    /// <summary>Why the route at <paramref name="index"/> can never run, or <see langword="null"/> when it can.</summary>
    public string? WhyUnreachable(int index)
    {
        lock (_routes)
        {
            var (source, detailType) = _routes[index];
            for (var i = 0; i < index; i++)
            {
                var earlier = _routes[i];
                if (Covers(earlier.Source, source) && Covers(earlier.DetailType, detailType))
                {
                    return earlier == _routes[index]
                        ? $"{Describe(source, detailType)} is mapped twice; map each (source, detail-type) once, or handle both kinds in one handler."
                        : $"{Describe(source, detailType)} is never reached: the map before it for {Describe(earlier.Source, earlier.DetailType)} takes all its events. Map the more specific one first.";
                }
            }

            return null;
        }
    }

    private static bool Covers(string? earlier, string? later) => earlier is null || string.Equals(earlier, later, StringComparison.Ordinal);

    private static string Describe(string? source, string? detailType) =>
        $"source {(source is null ? "(any)" : $"'{source}'")} and detail-type {(detailType is null ? "(any)" : $"'{detailType}'")}";
}
