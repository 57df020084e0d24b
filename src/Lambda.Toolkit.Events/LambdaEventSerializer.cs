using System.Text.Json;
using Lambda.Toolkit.Shared;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit.Events;

/// <summary>
/// Reads and writes events through source-generated metadata (no reflection). Reading accepts a leading
/// UTF-8 byte-order mark (event files saved by editors have one; Lambda never sends one) and turns every
/// failure into an <see cref="EventDeserializationException"/> that names the type and the JSON path.
/// </summary>
public static class LambdaEventSerializer
{
    /// <summary>Reads a payload as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="utf8Json">The payload.</param>
    /// <param name="jsonTypeInfo">Metadata, for example <c>SqsJsonContext.Default.SqsEvent</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="EventDeserializationException">The payload is not a <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return JsonPayloadReader.TryRead(utf8Json, jsonTypeInfo, out var value, out var failure)
            ? value
            : throw new EventDeserializationException(typeof(T), failure.JsonPath, failure.Reason, failure.Exception);
    }

    /// <summary>Reads a JSON string as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="json">The payload.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata.</param>
    /// <returns>The event.</returns>
    /// <exception cref="EventDeserializationException">The payload is not a <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json, JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return JsonPayloadReader.TryRead(json, jsonTypeInfo, out var value, out var failure)
            ? value
            : throw new EventDeserializationException(typeof(T), failure.JsonPath, failure.Reason, failure.Exception);
    }

    /// <summary>Writes <paramref name="value"/> as UTF-8 JSON.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="value">The value, for example a batch response.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata.</param>
    /// <returns>The JSON bytes.</returns>
    public static byte[] SerializeToUtf8Bytes<T>(T value, JsonTypeInfo<T> jsonTypeInfo) =>
        JsonSerializer.SerializeToUtf8Bytes(value, jsonTypeInfo);
}
