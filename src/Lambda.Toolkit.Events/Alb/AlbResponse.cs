using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Alb;

/// <summary>
/// The response of an Application Load Balancer target: use Headers in single-value mode and MultiValueHeaders in
/// multi-value mode.
/// </summary>
public sealed class AlbResponse
{
    /// <summary>
    /// The HTTP status code.
    /// </summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    /// <summary>
    /// The status line text, for example "200 OK".
    /// </summary>
    [JsonPropertyName("statusDescription")]
    public string? StatusDescription { get; set; }

    /// <summary>
    /// Single-value headers.
    /// </summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>
    /// Multi-value headers.
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
    public bool IsBase64Encoded { get; set; }
}
