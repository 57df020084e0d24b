using System.Text;

namespace Lambda.Toolkit.Runtime.Http;

/// <summary>
/// The header fields of one response, kept as the bytes received (names compared without case) and turned into
/// strings only when asked for. Reused by its connection: valid until the connection's next request.
/// </summary>
internal sealed class ResponseHeaders
{
    private byte[] _bytes = new byte[1024];
    private int[] _fields = new int[4 * 16];
    private int _length;

    /// <summary>The number of header fields.</summary>
    public int Count { get; private set; }

    /// <summary>Forgets the previous response's fields.</summary>
    public void Clear()
    {
        _length = 0;
        Count = 0;
    }

    /// <summary>Keeps one field; <paramref name="value"/> has its surrounding whitespace removed already.</summary>
    public void Add(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var needed = _length + name.Length + value.Length;
        if (needed > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(needed, _bytes.Length * 2));
        }

        if ((Count + 1) * 4 > _fields.Length)
        {
            Array.Resize(ref _fields, _fields.Length * 2);
        }

        var at = Count * 4;
        _fields[at] = _length;
        _fields[at + 1] = name.Length;
        name.CopyTo(_bytes.AsSpan(_length));
        _length += name.Length;
        _fields[at + 2] = _length;
        _fields[at + 3] = value.Length;
        value.CopyTo(_bytes.AsSpan(_length));
        _length += value.Length;
        Count++;
    }

    /// <summary>The field's name at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> NameAt(int index) => _bytes.AsSpan(_fields[index * 4], _fields[(index * 4) + 1]);

    /// <summary>The field's value at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> ValueAt(int index) => _bytes.AsSpan(_fields[(index * 4) + 2], _fields[(index * 4) + 3]);

    /// <summary>Whether a field named <paramref name="name"/> (any case) is present.</summary>
    public bool Contains(string name) => IndexOf(name, 0) >= 0;

    /// <summary>
    /// The value of the field named <paramref name="name"/> (any case), or <see langword="null"/>; fields sent
    /// several times are joined with <c>", "</c>, as HTTP allows.
    /// </summary>
    public string? Get(string name)
    {
        var first = IndexOf(name, 0);
        if (first < 0)
        {
            return null;
        }

        var second = IndexOf(name, first + 1);
        if (second < 0)
        {
            return Decode(ValueAt(first));
        }

        var joined = new StringBuilder(Decode(ValueAt(first)));
        for (var i = second; i >= 0; i = IndexOf(name, i + 1))
        {
            joined.Append(", ").Append(Decode(ValueAt(i)));
        }

        return joined.ToString();
    }

    /// <summary>Whether the comma-separated values of the field named <paramref name="name"/> include <paramref name="token"/> (any case).</summary>
    public bool HasToken(string name, string token)
    {
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            var value = ValueAt(i);
            while (true)
            {
                var comma = value.IndexOf((byte)',');
                if (Ascii.EqualsIgnoreCase((comma < 0 ? value : value[..comma]).Trim(" \t"u8), token))
                {
                    return true;
                }

                if (comma < 0)
                {
                    break;
                }

                value = value[(comma + 1)..];
            }
        }

        return false;
    }

    private int IndexOf(string name, int from)
    {
        for (var i = from; i < Count; i++)
        {
            if (Ascii.EqualsIgnoreCase(NameAt(i), name))
            {
                return i;
            }
        }

        return -1;
    }

    // Field values are ISO-8859-1 on the wire (RFC 9110 5.5); Latin-1 maps every byte to one char.
    private static string Decode(ReadOnlySpan<byte> value) => value.IsEmpty ? string.Empty : Encoding.Latin1.GetString(value);
}
