using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events.AppSync;

namespace Lambda.Toolkit.Triggers.AppSync;

/// <summary>Binds parts of a resolver event to the user's types, with errors that name the field and path.</summary>
internal static class AppSyncBinding
{
    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement;

    public static string Root(int? batchIndex) => batchIndex is { } i ? $"$[{i}]" : "$";

    public static T Bind<T>(JsonElement? element, JsonTypeInfo<T> type, int? batchIndex, string property)
    {
        var path = $"{Root(batchIndex)}.{property}";
        var json = element is { ValueKind: not JsonValueKind.Null } e ? e : EmptyObject;
        try
        {
            return json.Deserialize(type)!;
        }
        catch (JsonException ex)
        {
            var at = ex.Path is { Length: > 1 } inner ? path + inner[1..] : path;
            throw new InvalidEventException(
                typeof(AppSyncResolverEvent),
                $"The AppSync resolver event's {property} do not bind to {typeof(T).Name} at {at}: {ex.Message}",
                ex)
            { JsonPath = at };
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidEventException(typeof(AppSyncResolverEvent), $"The AppSync resolver event's {property} cannot be read as {typeof(T).Name}: {ex.Message}", ex) { JsonPath = path };
        }
    }
}
