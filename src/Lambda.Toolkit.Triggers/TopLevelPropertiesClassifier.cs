using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Triggers;

/// <summary>
/// Recognises an event by property names it must have at its top level (in any order): a forward scan of the top
/// level that skips nested values unread, stops as soon as every name has been seen and allocates nothing. A source
/// keeps one instance, shared by its adapters, so its payload is scanned once per invocation.
/// </summary>
internal sealed class TopLevelPropertiesClassifier : EventClassifier<bool>
{
    private readonly byte[][] _names;

    /// <summary>Creates a classifier for events that carry all of <paramref name="names"/> (at most 32).</summary>
    /// <param name="names">The property names, exactly as on the wire.</param>
    public TopLevelPropertiesClassifier(params string[] names)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(names.Length, 32);
        _names = Array.ConvertAll(names, Encoding.UTF8.GetBytes);
    }

    /// <summary>The classifier's answer without the per-invocation cache, for tests.</summary>
    internal bool Recognises(ReadOnlySpan<byte> payload) => Classify(payload);

    protected override bool Classify(ReadOnlySpan<byte> payload)
    {
        var all = _names.Length == 32 ? uint.MaxValue : (1u << _names.Length) - 1;
        var seen = 0u;
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                for (var i = 0; i < _names.Length; i++)
                {
                    if (reader.ValueTextEquals(_names[i]))
                    {
                        seen |= 1u << i;
                    }
                }

                if (seen == all)
                {
                    return true;
                }

                if (!reader.Read() || !reader.TrySkip())
                {
                    return false;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
