using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AppSync;

/// <summary>The event AWS AppSync sends a Lambda authorizer (the <c>AWS_LAMBDA</c> authorization mode) before it runs a GraphQL operation.</summary>
public sealed class AppSyncAuthorizerRequest
{
    /// <summary>The caller's token, from the <c>Authorization</c> header.</summary>
    [JsonPropertyName("authorizationToken")]
    public string? AuthorizationToken { get; set; }

    /// <summary>Which API and operation the call is for.</summary>
    [JsonPropertyName("requestContext")]
    public AppSyncAuthorizerRequestContext? RequestContext { get; set; }

    /// <summary>The request's headers, with lower-case names.</summary>
    [JsonPropertyName("requestHeaders")]
    public Dictionary<string, string>? RequestHeaders { get; set; }
}
