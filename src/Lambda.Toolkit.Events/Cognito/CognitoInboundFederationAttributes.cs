using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>What an identity provider sent about a federated user.</summary>
public sealed class CognitoInboundFederationAttributes
{
    /// <summary>The OIDC token endpoint's response fields.</summary>
    [JsonPropertyName("tokenResponse")]
    public Dictionary<string, string>? TokenResponse { get; set; }

    /// <summary>The OIDC ID token's claims.</summary>
    [JsonPropertyName("idToken")]
    public Dictionary<string, JsonElement>? IdToken { get; set; }

    /// <summary>The OIDC userInfo endpoint's claims.</summary>
    [JsonPropertyName("userInfo")]
    public Dictionary<string, JsonElement>? UserInfo { get; set; }

    /// <summary>The SAML assertion's attributes.</summary>
    [JsonPropertyName("samlResponse")]
    public Dictionary<string, JsonElement>? SamlResponse { get; set; }
}
