namespace Lambda.Toolkit.Events.Http;

/// <summary>
/// Case-insensitive look-ups over the single- and multi-value header and query maps of HTTP events (API Gateway
/// and ALB send either or both), without copying them. The event models' own helpers use it; so can adapters.
/// </summary>
public static class HttpHeaderLookup
{
    /// <summary>The first value: from the multi-value map when there is one (it keeps every value in order), else the single-value map.</summary>
    /// <param name="singleValues">The single-value map, or <see langword="null"/>.</param>
    /// <param name="multiValues">The multi-value map, or <see langword="null"/>.</param>
    /// <param name="name">The header or parameter name, any case.</param>
    /// <returns>The value, or <see langword="null"/> when absent.</returns>
    public static string? First(IDictionary<string, string>? singleValues, IDictionary<string, IList<string>>? multiValues, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (multiValues is not null)
        {
            foreach (var (key, values) in multiValues)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return values.Count > 0 ? values[0] : null;
                }
            }
        }

        if (singleValues is not null)
        {
            if (singleValues.TryGetValue(name, out var exact))
            {
                return exact;
            }

            foreach (var (key, value) in singleValues)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }
        }

        return null;
    }

    /// <summary>Every value, in order: from the multi-value map when it has the name, else the singleValues value.</summary>
    /// <param name="singleValues">The single-value map, or <see langword="null"/>.</param>
    /// <param name="multiValues">The multi-value map, or <see langword="null"/>.</param>
    /// <param name="name">The header or parameter name, any case.</param>
    /// <returns>The values; empty when absent.</returns>
    public static IReadOnlyList<string> All(IDictionary<string, string>? singleValues, IDictionary<string, IList<string>>? multiValues, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (multiValues is not null)
        {
            foreach (var (key, values) in multiValues)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return values as IReadOnlyList<string> ?? [.. values];
                }
            }
        }

        var one = singleValues is null ? null : First(singleValues, null, name);
        return one is null ? [] : [one];
    }
}
