namespace Lambda.Toolkit.Http.Formats;

/// <summary>An event's query as it arrived (maps, or v2's raw query string), parsed into one decoded multi-value map on first use.</summary>
internal readonly record struct QuerySource(Dictionary<string, string>? Single, Dictionary<string, IList<string>>? Multi, string? Raw, bool Decode)
{
    public Dictionary<string, List<string>> Parse()
    {
        var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (Raw is not null)
        {
            foreach (var pair in Raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                Values(query, Unescape(equals < 0 ? pair : pair[..equals])).Add(equals < 0 ? string.Empty : Unescape(pair[(equals + 1)..]));
            }
        }
        else if (Multi is not null)
        {
            foreach (var (name, values) in Multi)
            {
                var list = Values(query, Unescape(name));
                foreach (var value in values)
                {
                    list.Add(Unescape(value));
                }
            }
        }
        else if (Single is not null)
        {
            foreach (var (name, value) in Single)
            {
                Values(query, Unescape(name)).Add(Unescape(value));
            }
        }

        return query;
    }

    private static List<string> Values(Dictionary<string, List<string>> map, string name)
    {
        if (!map.TryGetValue(name, out var list))
        {
            map[name] = list = [];
        }

        return list;
    }

    private string Unescape(string value)
    {
        if (!Decode || (value.IndexOf('%', StringComparison.Ordinal) < 0 && value.IndexOf('+', StringComparison.Ordinal) < 0))
        {
            return value;
        }

        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            // A malformed escape stays as sent rather than failing the request.
            return value;
        }
    }
}
