using Lambda.Toolkit.Events.Http;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Alb;

/// <summary>
/// An Application Load Balancer target-group event. With multi-value headers enabled on the target group,
/// MultiValueHeaders and MultiValueQueryStringParameters replace Headers and QueryStringParameters, and the
/// response must use the same mode.
/// </summary>
public sealed class AlbRequest
{
    /// <summary>
    /// The request context.
    /// </summary>
    [JsonPropertyName("requestContext")]
    [JsonRequired]
    public required AlbRequestContext RequestContext { get; set; }

    /// <summary>
    /// The HTTP method.
    /// </summary>
    [JsonPropertyName("httpMethod")]
    [JsonRequired]
    public required string HttpMethod { get; set; }

    /// <summary>
    /// The request path.
    /// </summary>
    [JsonPropertyName("path")]
    [JsonRequired]
    public required string Path { get; set; }

    /// <summary>
    /// The query parameters, as sent (still URL-encoded).
    /// </summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>
    /// Every value of every query parameter (multi-value mode), as sent.
    /// </summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, IList<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>
    /// The headers with lower-case names (single-value mode).
    /// </summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>
    /// Every value of every header (multi-value mode).
    /// </summary>
    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, IList<string>>? MultiValueHeaders { get; set; }

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

    /// <summary>Whether the target group sends (and expects back) multi-value headers.</summary>
    [JsonIgnore]
    public bool IsMultiValue => MultiValueHeaders is not null || MultiValueQueryStringParameters is not null;

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
    public byte[] DecodeBody() => RequestBody.Decode(Body, IsBase64Encoded, typeof(AlbRequest));

    /// <summary>The body as text, base64-decoded (as UTF-8) when <see cref="IsBase64Encoded"/> is true.</summary>
    /// <returns>The body; empty when there is none.</returns>
    /// <exception cref="EventDeserializationException">The body is flagged base64 but is not.</exception>
    public string DecodeBodyText() => RequestBody.DecodeText(Body, IsBase64Encoded, typeof(AlbRequest));
}
