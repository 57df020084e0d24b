using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The inbound federation answer.</summary>
public sealed class CognitoInboundFederationResponse
{
    /// <summary>The user pool attributes to set, by name.</summary>
    [JsonPropertyName("userAttributesToMap")]
    public Dictionary<string, string>? UserAttributesToMap { get; set; }
}
