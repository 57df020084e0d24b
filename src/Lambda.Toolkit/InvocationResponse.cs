using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit;

/// <summary>
/// The bytes an invocation answers with. Its buffer is reused across warm invocations, so writing a
/// response allocates nothing once the buffer has grown to the usual response size.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The Utf8JsonWriter writes to a managed buffer and holds no unmanaged resources; it is reset and reused across invocations.")]
public sealed class InvocationResponse
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private Utf8JsonWriter? _jsonWriter;

    internal InvocationResponse()
    {
    }

    /// <summary>Where a handler writes the response body (UTF-8 JSON for most functions).</summary>
    public IBufferWriter<byte> BodyWriter => _buffer;

    /// <summary>The response body written so far.</summary>
    public ReadOnlyMemory<byte> Body => _buffer.WrittenMemory;

    /// <summary>Whether anything has been written. An invocation that writes nothing answers with an empty body.</summary>
    public bool HasBody => _buffer.WrittenCount > 0;

    /// <summary>Replaces the body with <paramref name="body"/>.</summary>
    /// <param name="body">The bytes to answer with.</param>
    public void SetBody(ReadOnlySpan<byte> body)
    {
        _buffer.ResetWrittenCount();
        _buffer.Write(body);
    }

    /// <summary>Replaces the body with <paramref name="value"/> serialized through source-generated metadata.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value to serialize.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    public void SetJson<T>(T value, JsonTypeInfo<T> jsonTypeInfo)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        _buffer.ResetWrittenCount();
        var writer = _jsonWriter;
        if (writer is null)
        {
            writer = _jsonWriter = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            writer.Reset(_buffer);
        }

        JsonSerializer.Serialize(writer, value, jsonTypeInfo);
        writer.Flush();
    }

    /// <summary>Removes whatever has been written, so a middleware can replace a handler's answer.</summary>
    public void Clear() => _buffer.ResetWrittenCount();

    internal void Reset()
    {
        // Do not keep a huge buffer alive after an unusually large response.
        if (_buffer.Capacity > 1024 * 1024)
        {
            _buffer.Clear();
        }

        _buffer.ResetWrittenCount();
    }
}
