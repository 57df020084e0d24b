using System.Text.Json;

namespace Lambda.Toolkit.Http.Formats;

/// <summary>Writes an <see cref="HttpResult"/> as the response JSON of the request's event format, straight into the invocation's reused buffer.</summary>
internal static class ResponseWriter
{
    // The JSON goes to API Gateway or the ALB, never into HTML: escape only what JSON requires.
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(InvocationContext context, HttpRequest request, HttpResult result, IReadOnlyList<KeyValuePair<string, string>> headers, bool head)
    {
        context.Response.Clear();
        using var json = new Utf8JsonWriter(context.Response.BodyWriter, Options);
        json.WriteStartObject();
        json.WriteNumber("statusCode", result.StatusCode);
        var albMultiValue = request.Format == HttpPayloadFormat.Alb && request.RawEvent is Events.Alb.AlbRequest { IsMultiValue: true };
        if (request.Format == HttpPayloadFormat.Alb)
        {
            json.WriteString("statusDescription", $"{result.StatusCode} {ReasonPhrase(result.StatusCode)}".TrimEnd());
        }

        switch (request.Format)
        {
            case HttpPayloadFormat.HttpApiV2:
                WriteJoinedHeaders(json, headers);
                if (result.Cookies.Count > 0)
                {
                    json.WriteStartArray("cookies");
                    foreach (var cookie in result.Cookies)
                    {
                        json.WriteStringValue(cookie);
                    }

                    json.WriteEndArray();
                }

                break;
            case HttpPayloadFormat.Alb when !albMultiValue:
                // Single-value mode: one value per header; enable multi-value headers on the target group for several cookies.
                var single = new List<KeyValuePair<string, string>>(headers);
                if (result.Cookies.Count > 0)
                {
                    single.Add(new("Set-Cookie", result.Cookies[^1]));
                }

                WriteJoinedHeaders(json, single);
                break;
            default:
                WriteMultiValueHeaders(json, headers, result.Cookies);
                break;
        }

        var body = head ? ReadOnlySpan<byte>.Empty : result.Body.Span;
        if (result.IsBinary && !body.IsEmpty)
        {
            json.WriteBase64String("body", body);
            json.WriteBoolean("isBase64Encoded", true);
        }
        else
        {
            json.WriteString("body", body);
            json.WriteBoolean("isBase64Encoded", false);
        }

        json.WriteEndObject();
        json.Flush();
    }

    private static void WriteJoinedHeaders(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        json.WriteStartObject("headers");
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Key;
            if (SeenBefore(headers, i))
            {
                continue;
            }

            var value = headers[i].Value;
            for (var j = i + 1; j < headers.Count; j++)
            {
                if (string.Equals(headers[j].Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    value += "," + headers[j].Value;
                }
            }

            json.WriteString(name, value);
        }

        json.WriteEndObject();
    }

    private static void WriteMultiValueHeaders(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, string>> headers, IReadOnlyList<string> cookies)
    {
        json.WriteStartObject("multiValueHeaders");
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Key;
            if (SeenBefore(headers, i))
            {
                continue;
            }

            json.WriteStartArray(name);
            for (var j = i; j < headers.Count; j++)
            {
                if (string.Equals(headers[j].Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    json.WriteStringValue(headers[j].Value);
                }
            }

            json.WriteEndArray();
        }

        if (cookies.Count > 0)
        {
            json.WriteStartArray("Set-Cookie");
            foreach (var cookie in cookies)
            {
                json.WriteStringValue(cookie);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>Whether the header at <paramref name="index"/> repeats an earlier name (lists are short: no set is built).</summary>
    private static bool SeenBefore(IReadOnlyList<KeyValuePair<string, string>> headers, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (string.Equals(headers[j].Key, headers[index].Key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => string.Empty,
    };
}
