namespace Lambda.Toolkit.Logging;

/// <summary>Reads the trace id from an X-Ray trace header (<c>Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1</c>).</summary>
internal static class TraceHeader
{
    /// <summary>The <c>Root</c> field's value; the whole header when it has no fields (a bare trace id); empty when it has fields but no root.</summary>
    public static ReadOnlySpan<char> Root(ReadOnlySpan<char> header)
    {
        if (header.IndexOf('=') < 0)
        {
            return header.Trim();
        }

        while (!header.IsEmpty)
        {
            var end = header.IndexOf(';');
            var field = (end < 0 ? header : header[..end]).Trim();
            if (field.StartsWith("Root=", StringComparison.OrdinalIgnoreCase))
            {
                return field[5..].Trim();
            }

            header = end < 0 ? default : header[(end + 1)..];
        }

        return default;
    }
}
