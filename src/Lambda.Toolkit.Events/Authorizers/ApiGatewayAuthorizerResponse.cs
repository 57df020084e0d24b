using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>
/// An IAM-policy answer to an API Gateway Lambda authorizer (REST, WebSocket, and HTTP API when it is set to
/// IAM policy responses). API Gateway allows the call only when the policy allows its method ARN and no
/// statement denies it.
/// </summary>
public sealed class ApiGatewayAuthorizerResponse
{
    /// <summary>Who the caller is; API Gateway puts it in <c>$context.authorizer.principalId</c>.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    /// <summary>The policy that allows or denies <c>execute-api:Invoke</c> on method ARNs.</summary>
    [JsonPropertyName("policyDocument")]
    public IamPolicyDocument? PolicyDocument { get; set; }

    /// <summary>Values passed to the integration as <c>$context.authorizer.{key}</c>: strings, numbers and booleans only.</summary>
    [JsonPropertyName("context")]
    public Dictionary<string, AuthorizerContextValue>? Context { get; set; }

    /// <summary>The API key of a usage plan, when the API's key source is <c>AUTHORIZER</c>.</summary>
    [JsonPropertyName("usageIdentifierKey")]
    public string? UsageIdentifierKey { get; set; }
}
