using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Http;
using Lambda.Toolkit.Events.HttpApi;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>
/// The event API Gateway sends a Lambda authorizer of an HTTP API with payload format 2.0: the request in
/// the HTTP API's own form, plus <see cref="RouteArn"/> and <see cref="IdentitySource"/>.
/// </summary>
public sealed class HttpApiAuthorizerRequest
{
    /// <summary>The payload format version, <c>2.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>The authorizer's kind, always <c>REQUEST</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The ARN of the route being called, in the same form as a REST API's method ARN.</summary>
    [JsonPropertyName("routeArn")]
    public string? RouteArn { get; set; }

    /// <summary>The values of the authorizer's identity sources, in the order they are configured.</summary>
    [JsonPropertyName("identitySource")]
    public IList<string>? IdentitySource { get; set; }

    /// <summary>The route key, for example <c>GET /orders/{id}</c> or <c>$default</c>.</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>The request path as sent, not decoded.</summary>
    [JsonPropertyName("rawPath")]
    public string? RawPath { get; set; }

    /// <summary>The query string as sent, without the <c>?</c>.</summary>
    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; set; }

    /// <summary>The Cookie header, one entry per cookie.</summary>
    [JsonPropertyName("cookies")]
    public IList<string>? Cookies { get; set; }

    /// <summary>The headers; repeated headers are joined with commas.</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>The query parameters, decoded; repeated ones joined with commas.</summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>The request context, as an HTTP API integration receives it.</summary>
    [JsonPropertyName("requestContext")]
    public HttpApiRequestContext? RequestContext { get; set; }

    /// <summary>The path parameters of the route.</summary>
    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>The stage variables.</summary>
    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>The value of a header, matched ignoring case.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetHeader(string name) => HttpHeaderLookup.First(Headers, null, name);
}
