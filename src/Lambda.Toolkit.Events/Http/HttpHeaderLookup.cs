namespace Lambda.Toolkit.Events.Http;

/// <summary>Case-insensitive look-ups over the single- and multi-value header and query maps of HTTP events.</summary>
internal static class HttpHeaderLookup
{
    /// <summary>The first value: from the multi-value map when there is one (it keeps every value in order), else the single-value map.</summary>
    public static string? First(IDictionary<string, string>? single, IDictionary<string, IList<string>>? multi, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (multi is not null)
        {
            foreach (var (key, values) in multi)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return values.Count > 0 ? values[0] : null;
                }
            }
        }

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

        return null;
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
