using Lambda.Toolkit.Events.Http;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.HttpApi;

/// <summary>
/// An API Gateway HTTP API (payload format 2.0) event, which is also the Lambda Function URL event.
/// </summary>
public sealed class HttpApiRequest
{
    /// <summary>
    /// The payload format version, 2.0.
    /// </summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>
    /// The route key, for example "GET /orders/{id}" or $default.
    /// </summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>
    /// The request path as sent, not decoded.
    /// </summary>
    [JsonPropertyName("rawPath")]
    [JsonRequired]
    public required string RawPath { get; set; }

    /// <summary>
    /// The query string as sent, without the "?".
    /// </summary>
    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; set; }

    /// <summary>
    /// The Cookie header, split into one entry per cookie.
    /// </summary>
    [JsonPropertyName("cookies")]
    public IList<string>? Cookies { get; set; }

    /// <summary>
    /// The headers with lower-case names; repeated headers are joined with commas.
    /// </summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>
    /// The query parameters, decoded; repeated ones joined with commas.
    /// </summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>
    /// The path parameters of the route.
    /// </summary>
    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>
    /// The stage variables.
    /// </summary>
    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>
    /// The request context.
    /// </summary>
    [JsonPropertyName("requestContext")]
    [JsonRequired]
    public required HttpApiRequestContext RequestContext { get; set; }

    /// <summary>
    /// The body, base64 when IsBase64Encoded is true.
    /// </summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>
    /// Whether Body is base64-encoded binary.
    /// </summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool? IsBase64Encoded { get; set; }

    /// <summary>The value of a header, matched ignoring case (repeated headers arrive comma-joined).</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetHeader(string name) => HttpHeaderLookup.First(Headers, null, name);

    /// <summary>The body as bytes, base64-decoded when <see cref="IsBase64Encoded"/> is true.</summary>
    /// <returns>The body; empty when there is none.</returns>
    /// <exception cref="EventDeserializationException">The body is flagged base64 but is not.</exception>
    public byte[] DecodeBody() => RequestBody.Decode(Body, IsBase64Encoded, typeof(HttpApiRequest));

    /// <summary>The body as text, base64-decoded (as UTF-8) when <see cref="IsBase64Encoded"/> is true.</summary>
    /// <returns>The body; empty when there is none.</returns>
    /// <exception cref="EventDeserializationException">The body is flagged base64 but is not.</exception>
    public string DecodeBodyText() => RequestBody.DecodeText(Body, IsBase64Encoded, typeof(HttpApiRequest));
}
