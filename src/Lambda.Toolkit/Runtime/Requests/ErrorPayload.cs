using System.Buffers;
using System.Text.Json;
using Lambda.Toolkit.Runtime.Http;

namespace Lambda.Toolkit.Runtime.Requests;

/// <summary>The JSON body of the Runtime API's error calls: <c>errorType</c>, <c>errorMessage</c>, <c>stackTrace</c>.</summary>
internal static class ErrorPayload
{
    public static RuntimeApiRequest CreateRequest(string path, string? requestId, string? pathTail, FunctionError error) =>
        // Header values must be ASCII without control characters; error types are short identifiers.
        new(isPost: true, path, requestId, pathTail, Serialize(error), errorType: Sanitize(error.ErrorType));

    public static byte[] Serialize(FunctionError error)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorType", error.ErrorType);
            writer.WriteString("errorMessage", error.ErrorMessage);
            writer.WriteStartArray("stackTrace");
            foreach (var frame in error.StackTrace)
            {
                writer.WriteStringValue(frame);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string Sanitize(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return string.Create(value.Length, value, static (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        var ch = source[i];
                        span[i] = ch < 0x20 || ch > 0x7E ? '_' : ch;
                    }
                });
            }
        }

        return value;
    }
}
