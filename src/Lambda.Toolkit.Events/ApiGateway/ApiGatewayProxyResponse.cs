using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.ApiGateway;

/// <summary>
/// The response of a REST API (v1) proxy integration (also used by WebSocket APIs).
/// </summary>
public sealed class ApiGatewayProxyResponse
{
    /// <summary>
    /// The HTTP status code.
    /// </summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    /// <summary>
    /// Single-value headers.
    /// </summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>
    /// Multi-value headers, for example several Set-Cookie values.
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
