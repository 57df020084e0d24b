using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit.Shared;

/// <summary>
/// The one way the toolkit reads a JSON payload as a type: a leading UTF-8 byte-order mark is skipped (event
/// files saved by editors have one; Lambda never sends one), an empty payload and a JSON <c>null</c> are
/// refused, and a failure is described by the JSON path and the reason, never by the payload itself.
/// </summary>
/// <remarks>
/// Compiled into Lambda.Toolkit and Lambda.Toolkit.Events (which depends on nothing), each turning a failure
/// into its own exception type: the file is the single implementation.
/// </remarks>
internal static class JsonPayloadReader
{
    public static ReadOnlySpan<byte> TrimByteOrderMark(ReadOnlySpan<byte> utf8Json) =>
        utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;

    public static ReadOnlyMemory<byte> TrimByteOrderMark(ReadOnlyMemory<byte> utf8Json) =>
        utf8Json.Span.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;

    /// <summary>Reads <paramref name="utf8Json"/>; on failure returns <see langword="false"/> with the JSON path and reason.</summary>
    public static bool TryRead<T>(
        ReadOnlySpan<byte> utf8Json,
        JsonTypeInfo<T> jsonTypeInfo,
        [MaybeNullWhen(false)] out T value,
        out JsonPayloadFailure failure)
    {
        utf8Json = TrimByteOrderMark(utf8Json);
        failure = default;
        if (utf8Json.IsEmpty)
        {
            value = default;
            failure = new JsonPayloadFailure("$", "the payload is empty.", null);
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize(utf8Json, jsonTypeInfo);
        }
        catch (JsonException ex)
        {
            value = default;
            failure = new JsonPayloadFailure(ex.Path ?? "$", Describe(ex), ex);
            return false;
        }
        catch (NotSupportedException ex)
        {
            // The metadata cannot read this shape (an interface or abstract member without a converter).
            value = default;
            failure = new JsonPayloadFailure("$", ex.Message, ex);
            return false;
        }

        if (value is null)
        {
            failure = new JsonPayloadFailure("$", "the payload is null.", null);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Reads a JSON string (a record body, a message inside an event): transcoded into a pooled buffer, so a batch
    /// of records allocates nothing for the transcoding.
    /// </summary>
    public static bool TryRead<T>(
        string json,
        JsonTypeInfo<T> jsonTypeInfo,
        [MaybeNullWhen(false)] out T value,
        out JsonPayloadFailure failure)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return TryRead(buffer.AsSpan(0, length), jsonTypeInfo, out value, out failure);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Why <paramref name="utf8Json"/> is not JSON at all, or <see langword="null"/> when it is one well-formed JSON value.</summary>
    public static string? WhyNotJson(ReadOnlySpan<byte> utf8Json)
    {
        utf8Json = TrimByteOrderMark(utf8Json);
        if (utf8Json.IsEmpty)
        {
            return "the payload is empty";
        }

        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            while (reader.Read())
            {
                // Reading to the end validates the whole document.
            }

            return null;
        }
        catch (JsonException ex)
        {
            return $"the payload is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})";
        }
    }

    /// <summary>A type's name for messages, generic arguments spelled out: <c>EventBridgeEvent&lt;OrderPlaced&gt;</c>, not <c>EventBridgeEvent`1</c>.</summary>
    public static string DisplayName(Type type)
    {
        var tick = type.Name.IndexOf('`', StringComparison.Ordinal);
        return !type.IsGenericType || tick < 0 ? type.Name : $"{type.Name[..tick]}<{string.Join(", ", type.GetGenericArguments().Select(DisplayName))}>";
    }

    private static string Describe(JsonException exception)
    {
        // The serializer's message ends with the path and position; keep the reason only.
        var message = exception.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        }

        return (cut > 0 ? message[..cut] : message).Trim();
    }
}

/// <summary>Where and why a payload could not be read.</summary>
internal readonly record struct JsonPayloadFailure(string JsonPath, string Reason, Exception? Exception);
