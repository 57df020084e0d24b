using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Shared;

namespace Lambda.Toolkit;

/// <summary>
/// Reads events and the payloads inside them through source-generated metadata: the one reader the
/// toolkit's handlers, adapters, test host and tools use. A leading UTF-8 byte-order mark is skipped; an
/// empty payload, a JSON <c>null</c> and a payload of the wrong shape throw an
/// <see cref="InvalidEventException"/> naming the type and the JSON path, never the payload.
/// </summary>
public static class EventReader
{
    /// <summary>Reads a UTF-8 JSON payload as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The event type.</typeparam>
    /// <param name="utf8Json">The payload.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The event; never <see langword="null"/>.</returns>
    /// <exception cref="InvalidEventException">The payload is not a <typeparamref name="T"/>.</exception>
    public static T Read<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return JsonPayloadReader.TryRead(utf8Json, jsonTypeInfo, out var value, out var failure) ? value : throw Invalid<T>(failure);
    }

    /// <summary>Reads a JSON string (a record body, a message inside an event) as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The value; never <see langword="null"/>.</returns>
    /// <exception cref="InvalidEventException">The JSON is not a <typeparamref name="T"/>.</exception>
    public static T Read<T>(string json, JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return JsonPayloadReader.TryRead(json, jsonTypeInfo, out var value, out var failure) ? value : throw Invalid<T>(failure);
    }

    /// <summary>The payload without a leading UTF-8 byte-order mark (files saved by editors may start with one; Lambda never sends one).</summary>
    /// <param name="payload">The payload.</param>
    /// <returns>The payload from its first JSON byte.</returns>
    public static ReadOnlyMemory<byte> TrimByteOrderMark(ReadOnlyMemory<byte> payload) => JsonPayloadReader.TrimByteOrderMark(payload);

    /// <summary>Why the payload is not JSON at all, or <see langword="null"/> when it is one well-formed JSON value. Scans the whole payload: for error paths.</summary>
    internal static string? WhyNotJson(ReadOnlySpan<byte> payload) => JsonPayloadReader.WhyNotJson(payload);

    private static InvalidEventException Invalid<T>(JsonPayloadFailure failure) =>
        new(typeof(T), $"The event is not a valid {JsonPayloadReader.DisplayName(typeof(T))} at {failure.JsonPath}: {failure.Reason}", failure.Exception) { JsonPath = failure.JsonPath };
}
