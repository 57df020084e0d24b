using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The pre token generation answer (versions 2 and 3).</summary>
public sealed class CognitoPreTokenGenerationV2Response
{
    /// <summary>The tokens' changes.</summary>
    [JsonPropertyName("claimsAndScopeOverrideDetails")]
    public CognitoClaimsAndScopeOverrideDetails? ClaimsAndScopeOverrideDetails { get; set; }
}
