using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Batch.EventBridge;

/// <summary>
/// Where an EventBridge event's top-level <c>source</c> and <c>detail-type</c> strings are in the payload: each the
/// offset and length of its JSON string token, quotes included (-1 when absent or not a string). Offsets, not
/// strings, so that classifying allocates nothing; a route compares its expected value against those bytes.
/// </summary>
internal readonly record struct EventBridgeHeader(int SourceStart, int SourceLength, int DetailTypeStart, int DetailTypeLength)
{
    public static readonly EventBridgeHeader None = new(-1, 0, -1, 0);

    public bool SourceIs(ReadOnlySpan<byte> payload, byte[]? expected) => Is(payload, SourceStart, SourceLength, expected);

    public bool DetailTypeIs(ReadOnlySpan<byte> payload, byte[]? expected) => Is(payload, DetailTypeStart, DetailTypeLength, expected);

    /// <summary>Whether the string token at <paramref name="start"/> is <paramref name="expected"/> (any value when that is null); JSON escapes are honoured.</summary>
    private static bool Is(ReadOnlySpan<byte> payload, int start, int length, byte[]? expected)
    {
        if (expected is null)
        {
            return true;
        }

        if (start < 0)
        {
            return false;
        }

        var token = new Utf8JsonReader(payload.Slice(start, length));
        return token.Read() && token.ValueTextEquals(expected);
    }
}

/// <summary>
/// Finds an EventBridge event's <c>source</c> and <c>detail-type</c> with a forward scan of the top-level properties
/// that stops once it has both. Every EventBridge map of an application shares the one instance, so the payload
/// is scanned once per invocation however many (source, detail-type) routes are mapped.
/// </summary>
internal sealed class EventBridgeHeaderClassifier : EventClassifier<EventBridgeHeader>
{
    public static readonly EventBridgeHeaderClassifier Instance = new();

    protected override EventBridgeHeader Classify(ReadOnlySpan<byte> payload) => Scan(payload);

    /// <summary>The scan itself, without the per-invocation cache.</summary>
    internal static EventBridgeHeader Scan(ReadOnlySpan<byte> payload)
    {
        int sourceStart = -1, sourceLength = 0, typeStart = -1, typeLength = 0;
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return EventBridgeHeader.None;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isSource = reader.ValueTextEquals("source"u8);
                var isType = !isSource && reader.ValueTextEquals("detail-type"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && (isSource || isType))
                {
                    var start = checked((int)reader.TokenStartIndex);
                    var length = checked((int)reader.BytesConsumed) - start;
                    if (isSource)
                    {
                        (sourceStart, sourceLength) = (start, length);
                    }
                    else
                    {
                        (typeStart, typeLength) = (start, length);
                    }

                    if (sourceStart >= 0 && typeStart >= 0)
                    {
                        break;
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // A payload that breaks off keeps what was found before the break; the adapter's read reports it.
        }

        return new EventBridgeHeader(sourceStart, sourceLength, typeStart, typeLength);
    }
}
