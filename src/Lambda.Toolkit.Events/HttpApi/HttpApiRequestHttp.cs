using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.HttpApi;

/// <summary>
/// The HTTP facts of an HTTP API (v2) or Function URL request.
/// </summary>
public sealed class HttpApiRequestHttp
{
    /// <summary>
    /// The HTTP method.
    /// </summary>
    [JsonPropertyName("method")]
    [JsonRequired]
    public required string Method { get; set; }

    /// <summary>
    /// The request path.
    /// </summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>
    /// The protocol, for example HTTP/1.1.
    /// </summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    /// <summary>
    /// The source IP address of the TCP connection.
    /// </summary>
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; set; }

    /// <summary>
    /// The User-Agent header.
    /// </summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }
}
