using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AppSync;

/// <summary>
/// The caller of a resolved field. One type for every authorization mode; only that mode's properties are set:
/// Amazon Cognito user pools (<see cref="Sub"/>, <see cref="Issuer"/>, <see cref="Username"/>, <see cref="Claims"/>,
/// <see cref="Groups"/>, <see cref="SourceIp"/>, <see cref="DefaultAuthStrategy"/>), IAM (<see cref="AccountId"/>,
/// <see cref="UserArn"/>, <see cref="Username"/>, the <c>cognitoIdentity*</c> properties, <see cref="SourceIp"/>),
/// OpenID Connect (<see cref="Claims"/>, <see cref="Issuer"/>, <see cref="Sub"/>), a Lambda authorizer
/// (<see cref="ResolverContext"/>).
/// </summary>
public sealed class AppSyncIdentity
{
    /// <summary>The user's subject (Cognito user pools, OpenID Connect).</summary>
    [JsonPropertyName("sub")]
    public string? Sub { get; set; }

    /// <summary>The token's issuer (Cognito user pools, OpenID Connect).</summary>
    [JsonPropertyName("issuer")]
    public string? Issuer { get; set; }

    /// <summary>The user's name (Cognito user pools, IAM).</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>The token's claims, values as sent (Cognito user pools, OpenID Connect).</summary>
    [JsonPropertyName("claims")]
    public Dictionary<string, JsonElement>? Claims { get; set; }

    /// <summary>The user's groups (Cognito user pools).</summary>
    [JsonPropertyName("groups")]
    public List<string>? Groups { get; set; }

    /// <summary>The caller's addresses (Cognito user pools, IAM).</summary>
    [JsonPropertyName("sourceIp")]
    public List<string>? SourceIp { get; set; }

    /// <summary>The user pool's default action, <c>ALLOW</c> or <c>DENY</c> (Cognito user pools).</summary>
    [JsonPropertyName("defaultAuthStrategy")]
    public string? DefaultAuthStrategy { get; set; }

    /// <summary>The caller's account (IAM).</summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>The caller's ARN (IAM).</summary>
    [JsonPropertyName("userArn")]
    public string? UserArn { get; set; }

    /// <summary>The Cognito identity pool, for a caller with Cognito identity credentials (IAM).</summary>
    [JsonPropertyName("cognitoIdentityPoolId")]
    public string? CognitoIdentityPoolId { get; set; }

    /// <summary>The Cognito identity, for a caller with Cognito identity credentials (IAM).</summary>
    [JsonPropertyName("cognitoIdentityId")]
    public string? CognitoIdentityId { get; set; }

    /// <summary><c>authenticated</c> or <c>unauthenticated</c> (IAM with Cognito identity credentials).</summary>
    [JsonPropertyName("cognitoIdentityAuthType")]
    public string? CognitoIdentityAuthType { get; set; }

    /// <summary>The identity providers that authenticated the caller (IAM with Cognito identity credentials).</summary>
    [JsonPropertyName("cognitoIdentityAuthProvider")]
    public string? CognitoIdentityAuthProvider { get; set; }

    /// <summary>The <c>resolverContext</c> the Lambda authorizer returned (Lambda authorization).</summary>
    [JsonPropertyName("resolverContext")]
    public Dictionary<string, JsonElement>? ResolverContext { get; set; }
}
