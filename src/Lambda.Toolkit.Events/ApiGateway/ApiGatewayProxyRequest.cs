using Lambda.Toolkit.Events.Http;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.ApiGateway;

/// <summary>
/// An API Gateway REST API (v1) proxy integration event.
/// </summary>
public sealed class ApiGatewayProxyRequest
{
    /// <summary>
    /// The resource template that matched, for example /{proxy+}.
    /// </summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; set; }

    /// <summary>
    /// The request path.
    /// </summary>
    [JsonPropertyName("path")]
    [JsonRequired]
    public required string Path { get; set; }

    /// <summary>
    /// The HTTP method.
    /// </summary>
    [JsonPropertyName("httpMethod")]
    [JsonRequired]
    public required string HttpMethod { get; set; }

    /// <summary>
    /// The headers, the last value of each (names as sent; use GetHeader to match ignoring case).
    /// </summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>
    /// Every value of every header.
    /// </summary>
    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, IList<string>>? MultiValueHeaders { get; set; }

    /// <summary>
    /// The query string parameters, the last value of each, decoded.
    /// </summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>
    /// Every value of every query string parameter.
    /// </summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, IList<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>
    /// The path parameters of the resource template.
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
    public ApiGatewayProxyRequestContext? RequestContext { get; set; }

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

    /// <summary>The first value of a header, matched ignoring case, from <c>headers</c> or <c>multiValueHeaders</c>.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetHeader(string name) => HttpHeaderLookup.First(Headers, MultiValueHeaders, name);

    /// <summary>Every value of a header, matched ignoring case.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The values; empty when the header is absent.</returns>
    public IReadOnlyList<string> GetHeaderValues(string name) => HttpHeaderLookup.All(Headers, MultiValueHeaders, name);

    /// <summary>The body as bytes, base64-decoded when <see cref="IsBase64Encoded"/> is true.</summary>
    /// <returns>The body; empty when there is none.</returns>
    /// <exception cref="EventDeserializationException">The body is flagged base64 but is not.</exception>
    public byte[] DecodeBody() => RequestBody.Decode(Body, IsBase64Encoded, typeof(ApiGatewayProxyRequest));

    /// <summary>The body as text, base64-decoded (as UTF-8) when <see cref="IsBase64Encoded"/> is true.</summary>
    /// <returns>The body; empty when there is none.</returns>
    /// <exception cref="EventDeserializationException">The body is flagged base64 but is not.</exception>
    public string DecodeBodyText() => RequestBody.DecodeText(Body, IsBase64Encoded, typeof(ApiGatewayProxyRequest));
}
