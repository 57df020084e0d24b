using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.ApiGateway;

/// <summary>
/// The request context of a REST API (v1) proxy event: stage, ids, identity and authorizer output.
/// </summary>
public sealed class ApiGatewayProxyRequestContext
{
    /// <summary>
    /// The API owner's account id.
    /// </summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>
    /// The resource id.
    /// </summary>
    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; set; }

    /// <summary>
    /// The operation name, when set.
    /// </summary>
    [JsonPropertyName("operationName")]
    public string? OperationName { get; set; }

    /// <summary>
    /// The deployment stage.
    /// </summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    /// <summary>
    /// The domain name the request was sent to.
    /// </summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }

    /// <summary>
    /// The first label of the domain name.
    /// </summary>
    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; set; }

    /// <summary>
    /// The API Gateway request id.
    /// </summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    /// <summary>
    /// The extended request id.
    /// </summary>
    [JsonPropertyName("extendedRequestId")]
    public string? ExtendedRequestId { get; set; }

    /// <summary>
    /// The request protocol, for example HTTP/1.1.
    /// </summary>
    [JsonPropertyName("protocol")]
    public string? Protocol { get; set; }

    /// <summary>
    /// Who called the API.
    /// </summary>
    [JsonPropertyName("identity")]
    public ApiGatewayRequestIdentity? Identity { get; set; }

    /// <summary>
    /// The resource path template, for example /{proxy+}.
    /// </summary>
    [JsonPropertyName("resourcePath")]
    public string? ResourcePath { get; set; }

    /// <summary>
    /// The request path including the stage.
    /// </summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>
    /// The HTTP method.
    /// </summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>
    /// The API id.
    /// </summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    /// <summary>
    /// The connection id (present on some events).
    /// </summary>
    [JsonPropertyName("connectionId")]
    public string? ConnectionId { get; set; }

    /// <summary>
    /// The request time in API Gateway's CLF form, for example 20/Feb/2018:22:48:57 +0000.
    /// </summary>
    [JsonPropertyName("requestTime")]
    public string? RequestTime { get; set; }

    /// <summary>
    /// The request time in epoch milliseconds.
    /// </summary>
    [JsonPropertyName("requestTimeEpoch")]
    public long? RequestTimeEpoch { get; set; }

    /// <summary>
    /// The authorizer's output: claims for a Cognito authorizer, the context map of a Lambda authorizer (values
    /// keep their JSON types).
    /// </summary>
    [JsonPropertyName("authorizer")]
    public Dictionary<string, JsonElement>? Authorizer { get; set; }

    /// <summary>The request time from <see cref="RequestTimeEpoch"/>.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetRequestTime() => RequestTimeEpoch is { } ms ? EpochTime.FromMilliseconds(ms) : null;
}
