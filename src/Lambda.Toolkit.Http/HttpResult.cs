using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit.Http;

/// <summary>
/// What an endpoint answers: status, headers, cookies and body. Create one with the static factories
/// (<see cref="Ok{T}"/>, <see cref="Text"/>, <see cref="Bytes"/>, <see cref="Created{T}"/>,
/// <see cref="Redirect"/>, <see cref="Problem"/>, ...), then add headers and cookies with
/// <see cref="WithHeader"/> and <see cref="WithCookie"/>. The adapter writes it in the request's event format:
/// cookies as the v2 <c>cookies</c> array, or as <c>Set-Cookie</c> multi-value headers for v1 and ALB.
/// </summary>
public sealed class HttpResult
{
    private List<KeyValuePair<string, string>>? _headers;
    private List<string>? _cookies;

    private HttpResult(int statusCode, byte[] body, string? contentType, bool isBinary)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
        IsBinary = isBinary;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The Content-Type, or <see langword="null"/> for an empty body.</summary>
    public string? ContentType { get; }

    /// <summary>Whether the body is binary and must be sent base64-encoded.</summary>
    public bool IsBinary { get; }

    /// <summary>Extra headers, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers => _headers ?? (IReadOnlyList<KeyValuePair<string, string>>)[];

    /// <summary>Set-Cookie values, in order.</summary>
    public IReadOnlyList<string> Cookies => _cookies ?? (IReadOnlyList<string>)[];

    /// <summary>200 with <paramref name="value"/> as JSON.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The result.</returns>
    public static HttpResult Ok<T>(T value, JsonTypeInfo<T> jsonTypeInfo) => Json(value, jsonTypeInfo, 200);

    /// <summary><paramref name="value"/> as JSON with any status.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <param name="statusCode">The status.</param>
    /// <returns>The result.</returns>
    public static HttpResult Json<T>(T value, JsonTypeInfo<T> jsonTypeInfo, int statusCode = 200) =>
        new(statusCode, JsonSerializer.SerializeToUtf8Bytes(value, jsonTypeInfo), "application/json; charset=utf-8", false);

    /// <summary>201 with a Location header and <paramref name="value"/> as JSON.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="location">The created resource's URL.</param>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The result.</returns>
    public static HttpResult Created<T>(string location, T value, JsonTypeInfo<T> jsonTypeInfo) =>
        Json(value, jsonTypeInfo, 201).WithHeader("Location", location);

    /// <summary>Text with any status.</summary>
    /// <param name="text">The text.</param>
    /// <param name="contentType">The Content-Type. Default: text/plain; charset=utf-8.</param>
    /// <param name="statusCode">The status.</param>
    /// <returns>The result.</returns>
    public static HttpResult Text(string text, string contentType = "text/plain; charset=utf-8", int statusCode = 200) =>
        new(statusCode, Encoding.UTF8.GetBytes(text ?? string.Empty), contentType, false);

    /// <summary>Binary content, sent base64-encoded as API Gateway and ALB require.</summary>
    /// <param name="bytes">The content.</param>
    /// <param name="contentType">The Content-Type.</param>
    /// <param name="statusCode">The status.</param>
    /// <returns>The result.</returns>
    public static HttpResult Bytes(ReadOnlySpan<byte> bytes, string contentType = "application/octet-stream", int statusCode = 200) =>
        new(statusCode, bytes.ToArray(), contentType, true);

    /// <summary>A status with an empty body, for example 204.</summary>
    /// <param name="statusCode">The status.</param>
    /// <returns>The result.</returns>
    public static HttpResult Status(int statusCode) => new(statusCode, [], null, false);

    /// <summary>204 No Content.</summary>
    /// <returns>The result.</returns>
    public static HttpResult NoContent() => Status(204);

    /// <summary>A redirect: 302 (or 301 when permanent) with a Location header.</summary>
    /// <param name="location">Where to go.</param>
    /// <param name="permanent">301 instead of 302.</param>
    /// <returns>The result.</returns>
    public static HttpResult Redirect(string location, bool permanent = false) => Status(permanent ? 301 : 302).WithHeader("Location", location);

    /// <summary>An RFC 9457 problem: <c>application/problem+json</c> with type, title, status, detail and instance.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="title">A short summary of the problem type.</param>
    /// <param name="detail">What happened this time, safe to show the caller.</param>
    /// <param name="type">A URI for the problem type. Default: about:blank.</param>
    /// <param name="instance">A URI for this occurrence, for example the request id.</param>
    /// <param name="errors">Validation errors by field, added as an <c>errors</c> member.</param>
    /// <returns>The result.</returns>
    public static HttpResult Problem(int statusCode, string title, string? detail = null, string? type = null, string? instance = null, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", type ?? "about:blank");
            json.WriteString("title", title);
            json.WriteNumber("status", statusCode);
            if (detail is not null)
            {
                json.WriteString("detail", detail);
            }

            if (instance is not null)
            {
                json.WriteString("instance", instance);
            }

            if (errors is not null)
            {
                json.WriteStartObject("errors");
                foreach (var (field, messages) in errors)
                {
                    json.WriteStartArray(field);
                    foreach (var message in messages)
                    {
                        json.WriteStringValue(message);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return new HttpResult(statusCode, buffer.ToArray(), "application/problem+json", false);
    }

    /// <summary>400 with validation errors by field.</summary>
    /// <param name="errors">The errors.</param>
    /// <returns>The result.</returns>
    public static HttpResult ValidationProblem(IReadOnlyDictionary<string, string[]> errors) =>
        Problem(400, "One or more validation errors occurred.", "See errors for details.", errors: errors);

    /// <summary>404 problem.</summary>
    /// <param name="detail">What was not found.</param>
    /// <returns>The result.</returns>
    public static HttpResult NotFound(string? detail = null) => Problem(404, "Not Found", detail);

    /// <summary>Adds a header (repeat the call for several values).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This result.</returns>
    public HttpResult WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        (_headers ??= []).Add(new(name, value ?? string.Empty));
        return this;
    }

    /// <summary>Adds a Set-Cookie value, for example <c>session=abc; Path=/; Secure; HttpOnly</c>.</summary>
    /// <param name="setCookie">The cookie.</param>
    /// <returns>This result.</returns>
    public HttpResult WithCookie(string setCookie)
    {
        ArgumentException.ThrowIfNullOrEmpty(setCookie);
        (_cookies ??= []).Add(setCookie);
        return this;
    }

    internal HttpResult WithBody(byte[] body, bool isBinary) => new(StatusCode, body, ContentType, isBinary) { _headers = _headers, _cookies = _cookies };
}
