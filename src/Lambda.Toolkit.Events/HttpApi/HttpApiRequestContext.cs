using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.HttpApi;

/// <summary>
/// The request context of an HTTP API (v2) or Function URL request.
/// </summary>
public sealed class HttpApiRequestContext
{
    /// <summary>
    /// The API owner's account id.
    /// </summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>
    /// The API id (the URL id for a Function URL).
    /// </summary>
    [JsonPropertyName("apiId")]
    public string? ApiId { get; set; }

    /// <summary>
    /// The mutual-TLS authentication.
    /// </summary>
    [JsonPropertyName("authentication")]
    public HttpApiAuthentication? Authentication { get; set; }

    /// <summary>
    /// The authorizer's output.
    /// </summary>
    [JsonPropertyName("authorizer")]
    public HttpApiAuthorizer? Authorizer { get; set; }

    /// <summary>
    /// The domain name.
    /// </summary>
    [JsonPropertyName("domainName")]
    public string? DomainName { get; set; }

    /// <summary>
    /// The first label of the domain name.
    /// </summary>
    [JsonPropertyName("domainPrefix")]
    public string? DomainPrefix { get; set; }

    /// <summary>
    /// The method, path, protocol, source IP and user agent.
    /// </summary>
    [JsonPropertyName("http")]
    [JsonRequired]
    public required HttpApiRequestHttp Http { get; set; }

    /// <summary>
    /// The request id.
    /// </summary>
    [JsonPropertyName("requestId")]
    public string? RequestId { get; set; }

    /// <summary>
    /// The route id.
    /// </summary>
    [JsonPropertyName("routeId")]
    public string? RouteId { get; set; }

    /// <summary>
    /// The route key.
    /// </summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>
    /// The stage.
    /// </summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    /// <summary>
    /// The request time in API Gateway's CLF form.
    /// </summary>
    [JsonPropertyName("time")]
    public string? Time { get; set; }

    /// <summary>
    /// The request time in epoch milliseconds.
    /// </summary>
    [JsonPropertyName("timeEpoch")]
    public long? TimeEpoch { get; set; }

    /// <summary>The request time from <see cref="TimeEpoch"/>.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetTime() => TimeEpoch is { } ms ? EpochTime.FromMilliseconds(ms) : null;
}
