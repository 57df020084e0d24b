using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The inbound federation request.</summary>
public sealed class CognitoInboundFederationRequest
{
    /// <summary>The identity provider's name in the user pool.</summary>
    [JsonPropertyName("providerName")]
    public string? ProviderName { get; set; }

    /// <summary><c>OIDC</c>, <c>SAML</c>, or a social provider.</summary>
    [JsonPropertyName("providerType")]
    public string? ProviderType { get; set; }

    /// <summary>What the provider sent.</summary>
    [JsonPropertyName("attributes")]
    public CognitoInboundFederationAttributes? Attributes { get; set; }
}
