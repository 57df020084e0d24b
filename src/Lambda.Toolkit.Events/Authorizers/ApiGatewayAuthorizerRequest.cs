using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.Http;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>
/// The event API Gateway sends a Lambda authorizer of a REST API (v1, <c>TOKEN</c> or <c>REQUEST</c>) or of a
/// WebSocket API's <c>$connect</c> route (<c>REQUEST</c>). A <c>TOKEN</c> event carries only
/// <see cref="Type"/>, <see cref="AuthorizationToken"/> and <see cref="MethodArn"/>; a <c>REQUEST</c> event carries
/// the request's headers, parameters and context instead of a token.
/// </summary>
public sealed class ApiGatewayAuthorizerRequest
{
    /// <summary>The authorizer's kind: <c>TOKEN</c> or <c>REQUEST</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The caller's token, from the header the <c>TOKEN</c> authorizer names (<c>TOKEN</c> only).</summary>
    [JsonPropertyName("authorizationToken")]
    public string? AuthorizationToken { get; set; }

    /// <summary>
    /// The ARN of the method being called, <c>arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{resource path}</c>
    /// (WebSocket: <c>.../{stage}/$connect</c>); <see cref="MethodArn"/> parses it.
    /// </summary>
    [JsonPropertyName("methodArn")]
    public string? MethodArn { get; set; }

    /// <summary>The resource template that matched, for example <c>/orders/{id}</c> (REST <c>REQUEST</c> only).</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; set; }

    /// <summary>The request path (REST <c>REQUEST</c> only).</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>The HTTP method (REST <c>REQUEST</c> only).</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>The headers, the last value of each (names as sent; use <see cref="GetHeader"/> to match ignoring case).</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Every value of every header.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, IList<string>>? MultiValueHeaders { get; set; }

    /// <summary>The query string parameters, the last value of each, decoded.</summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>Every value of every query string parameter.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, IList<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>The path parameters of the resource template.</summary>
    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>The stage variables.</summary>
    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>
    /// The request context, in the proxy integration's form. For a WebSocket <c>$connect</c> authorizer the
    /// WebSocket-only context fields (<c>routeKey</c>, <c>eventType</c>, <c>messageDirection</c>, <c>connectedAt</c>) are not kept.
    /// </summary>
    [JsonPropertyName("requestContext")]
    public ApiGatewayProxyRequestContext? RequestContext { get; set; }

    /// <summary>The first value of a header, matched ignoring case, from <c>headers</c> or <c>multiValueHeaders</c>.</summary>
    /// <param name="name">The header name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? GetHeader(string name) => HttpHeaderLookup.First(Headers, MultiValueHeaders, name);
}
