namespace Lambda.Toolkit.Http.Formats;

/// <summary>
/// An event's header maps as they arrived, looked up ignoring case without copying them: most requests
/// read a header or two, so nothing is built per request.
/// </summary>
internal readonly record struct HeaderSource(Dictionary<string, string>? Single, Dictionary<string, IList<string>>? Multi)
{
    public string? First(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Multi is not null)
        {
            foreach (var (key, values) in Multi)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return values.Count > 0 ? values[0] : null;
                }
            }
        }

        if (Single is not null)
        {
            if (Single.TryGetValue(name, out var exact))
            {
                return exact;
            }

            foreach (var (key, value) in Single)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        return null;
    }

    public IReadOnlyList<string>? All(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Multi is not null)
        {
            foreach (var (key, values) in Multi)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return values as IReadOnlyList<string> ?? [.. values];
                }
            }
        }

        return First(name) is { } one ? [one] : null;
    }

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
