using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Lambda.Toolkit.Runtime.Requests;

/// <summary>The JSON body of the Runtime API's error calls: <c>errorType</c>, <c>errorMessage</c>, <c>stackTrace</c>.</summary>
internal static class ErrorPayload
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static HttpRequestMessage CreateRequest(Uri uri, FunctionError error)
    {
        var content = new ByteArrayContent(Serialize(error));
        content.Headers.ContentType = Json;
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        // Header values must be ASCII without control characters; error types are short identifiers.
        request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, Sanitize(error.ErrorType));
        return request;
    }

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
