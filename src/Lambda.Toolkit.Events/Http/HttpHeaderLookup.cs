namespace Lambda.Toolkit.Events.Http;

/// <summary>Case-insensitive look-ups over the single- and multi-value header and query maps of HTTP events.</summary>
internal static class HttpHeaderLookup
{
    public static string? First(IDictionary<string, string>? single, IDictionary<string, IList<string>>? multi, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (single is not null)
        {
            if (single.TryGetValue(name, out var exact))
            {
                return exact;
            }

            foreach (var (key, value) in single)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        var values = All(null, multi, name);
        return values.Count > 0 ? values[0] : null;
    }

    public static IReadOnlyList<string> All(IDictionary<string, string>? single, IDictionary<string, IList<string>>? multi, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (multi is not null)
        {
            foreach (var (key, values) in multi)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return values as IReadOnlyList<string> ?? [.. values];
                }
            }
        }

        var one = single is null ? null : First(single, null, name);
        return one is null ? [] : [one];
    }
}
