using System.Diagnostics;

namespace Lambda.Toolkit.Runtime;

/// <summary>
/// Reads the X-Ray trace header Lambda sends with each invocation (<c>Lambda-Runtime-Trace-Id</c>:
/// <c>Root=1-{8 hex}-{24 hex};Parent={16 hex};Sampled=0|1</c>, fields in any order, others ignored) as the W3C
/// parent of the invocation's activity: the root's 32 hex digits are the trace id, <c>Parent</c> (the Lambda function
/// segment) the parent span id, and <c>Sampled=1</c> the recorded flag. No allocation besides the context itself.
/// </summary>
internal static class XRayTraceHeader
{
    private const int RootLength = 35; // 1-xxxxxxxx-yyyyyyyyyyyyyyyyyyyyyyyy

    /// <summary>
    /// The header's trace as a remote parent context; <see langword="false"/> when the header is missing or has no
    /// valid <c>Root</c> and <c>Parent</c> (an activity then starts a trace of its own).
    /// </summary>
    public static bool TryParse(string? header, out ActivityContext parent)
    {
        parent = default;
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        ReadOnlySpan<char> root = default;
        ReadOnlySpan<char> parentId = default;
        var sampled = false;
        var fields = new FieldReader(header);
        while (fields.Next(out var key, out var value))
        {
            if (key.SequenceEqual("Root"))
            {
                root = value;
            }
            else if (key.SequenceEqual("Parent"))
            {
                parentId = value;
            }
            else if (key.SequenceEqual("Sampled"))
            {
                sampled = value.SequenceEqual("1");
            }
        }

        if (root.Length != RootLength || root[0] != '1' || root[1] != '-' || root[10] != '-' || parentId.Length != 16)
        {
            return false;
        }

        Span<char> traceId = stackalloc char[32];
        if (!CopyHex(root.Slice(2, 8), traceId) || !CopyHex(root.Slice(11, 24), traceId[8..]))
        {
            return false;
        }

        Span<char> spanId = stackalloc char[16];
        if (!CopyHex(parentId, spanId) || spanId.IndexOfAnyExcept('0') < 0 || traceId.IndexOfAnyExcept('0') < 0)
        {
            return false;
        }

        parent = new ActivityContext(
            ActivityTraceId.CreateFromString(traceId),
            ActivitySpanId.CreateFromString(spanId),
            sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None,
            isRemote: true);
        return true;
    }

    /// <summary>
    /// The <c>Root</c> field's value, the trace id logs carry (any case of the key); the whole header when it has no
    /// fields (a bare trace id); empty when it has fields but no root.
    /// </summary>
    public static ReadOnlySpan<char> Root(ReadOnlySpan<char> header)
    {
        if (header.IndexOf('=') < 0)
        {
            return header.Trim();
        }

        var fields = new FieldReader(header);
        while (fields.Next(out var key, out var value))
        {
            if (key.Equals("Root", StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return default;
    }

    /// <summary>Copies lower-case hex digits, lower-casing upper-case ones; <see langword="false"/> on any other character.</summary>
    private static bool CopyHex(ReadOnlySpan<char> source, Span<char> destination)
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c))
            {
                destination[i] = c;
            }
            else if (char.IsAsciiHexDigitUpper(c))
            {
                destination[i] = (char)(c | 0x20);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The <c>key=value</c> fields of a header, separated by <c>;</c>, trimmed; fields without a key are skipped.</summary>
    private ref struct FieldReader(ReadOnlySpan<char> header)
    {
        private ReadOnlySpan<char> _rest = header;

        public bool Next(out ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
        {
            while (!_rest.IsEmpty)
            {
                var end = _rest.IndexOf(';');
                var field = (end < 0 ? _rest : _rest[..end]).Trim();
                _rest = end < 0 ? default : _rest[(end + 1)..];
                var equals = field.IndexOf('=');
                if (equals > 0)
                {
                    key = field[..equals].Trim();
                    value = field[(equals + 1)..].Trim();
                    return true;
                }
            }

            key = value = default;
            return false;
        }
    }
}
