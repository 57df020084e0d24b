using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.HttpApi;

/// <summary>
/// The response of an HTTP API (payload format 2.0) or Function URL.
/// </summary>
public sealed class HttpApiResponse
{
    /// <summary>
    /// The HTTP status code.
    /// </summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    /// <summary>
    /// The headers; join repeated values with commas.
    /// </summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>
    /// Set-Cookie values, one per cookie.
    /// </summary>
    [JsonPropertyName("cookies")]
    public IList<string>? Cookies { get; set; }

    /// <summary>
    /// The body, base64 when IsBase64Encoded is true.
    /// </summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>
    /// Whether Body is base64-encoded binary.
    /// </summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}
