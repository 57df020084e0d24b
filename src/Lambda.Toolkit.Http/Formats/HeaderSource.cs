using Lambda.Toolkit.Events.Http;

namespace Lambda.Toolkit.Http.Formats;

/// <summary>
/// An event's header maps as they arrived, looked up ignoring case without copying them (through the
/// event models' own look-up): most requests read a header or two, so nothing is built per request.
/// </summary>
internal readonly record struct HeaderSource(Dictionary<string, string>? Single, Dictionary<string, IList<string>>? Multi)
{
    public string? First(string name) => HttpHeaderLookup.First(Single, Multi, name);

    public IReadOnlyList<string>? All(string name) => HttpHeaderLookup.All(Single, Multi, name) is { Count: > 0 } values ? values : null;

    public IEnumerable<string> Names()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (Multi is not null)
        {
            names.UnionWith(Multi.Keys);
        }

        if (Single is not null)
        {
            names.UnionWith(Single.Keys);
        }

        return names;
    }
}
