using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>Changes to the ID and access tokens (pre token generation versions 2 and 3).</summary>
public sealed class CognitoClaimsAndScopeOverrideDetails
{
    /// <summary>The ID token's changes.</summary>
    [JsonPropertyName("idTokenGeneration")]
    public CognitoIdTokenGeneration? IdTokenGeneration { get; set; }

    /// <summary>The access token's changes.</summary>
    [JsonPropertyName("accessTokenGeneration")]
    public CognitoAccessTokenGeneration? AccessTokenGeneration { get; set; }

    /// <summary>Groups and roles to write instead of the user's.</summary>
    [JsonPropertyName("groupOverrideDetails")]
    public CognitoGroupConfiguration? GroupOverrideDetails { get; set; }
}
