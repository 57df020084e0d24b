using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.ApiGateway;

/// <summary>
/// The request context of an API Gateway WebSocket API event.
/// </summary>
public sealed class ApiGatewayWebSocketRequestContext
{
    /// <summary>
    /// The route that matched: $connect, $disconnect, $default or a custom route.
    /// </summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>
    /// CONNECT, MESSAGE or DISCONNECT.
    /// </summary>
    [JsonPropertyName("eventType")]
    public string? EventType { get; set; }

    /// <summary>
    /// The message id (MESSAGE events).
    /// </summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    /// <summary>
    /// The extended request id.
    /// </summary>
    [JsonPropertyName("extendedRequestId")]
    public string? ExtendedRequestId { get; set; }

    /// <summary>
    /// The request time in API Gateway's CLF form.
    /// </summary>
    [JsonPropertyName("requestTime")]
    public string? RequestTime { get; set; }

    /// <summary>
    /// The message direction, IN.
    /// </summary>
    [JsonPropertyName("messageDirection")]
    public string? MessageDirection { get; set; }

    /// <summary>
    /// The close status code (DISCONNECT events).
    /// </summary>
    [JsonPropertyName("disconnectStatusCode")]
    public int? DisconnectStatusCode { get; set; }

    /// <summary>
    /// The close reason (DISCONNECT events).
    /// </summary>
    [JsonPropertyName("disconnectReason")]
    public string? DisconnectReason { get; set; }

    /// <summary>
    /// The deployment stage.
    /// </summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    /// <summary>
    /// When the connection was opened, in epoch milliseconds.
    /// </summary>
    [JsonPropertyName("connectedAt")]
    public long? ConnectedAt { get; set; }

    /// <summary>
    /// The request time in epoch milliseconds.
    /// </summary>
    [JsonPropertyName("requestTimeEpoch")]
    public long? RequestTimeEpoch { get; set; }

    /// <summary>
    /// Who connected.
    /// </summary>
    [JsonPropertyName("identity")]
    public ApiGatewayRequestIdentity? Identity { get; set; }

    /// <summary>
    /// The request id.
    /// </summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    /// <summary>
    /// The domain name.
    /// </summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }

    /// <summary>
    /// The connection id, used to post messages back to the client.
    /// </summary>
    [JsonPropertyName("connectionId")]
    [JsonRequired]
    public required string ConnectionId { get; set; }

    /// <summary>
    /// The API id.
    /// </summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    /// <summary>
    /// The authorizer's output.
    /// </summary>
    [JsonPropertyName("authorizer")]
    public Dictionary<string, JsonElement>? Authorizer { get; set; }
}
