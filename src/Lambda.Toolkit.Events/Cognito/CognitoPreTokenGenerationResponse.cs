using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The pre token generation answer (version 1).</summary>
public sealed class CognitoPreTokenGenerationResponse
{
    /// <summary>The ID token's changes.</summary>
    [JsonPropertyName("claimsOverrideDetails")]
    public CognitoClaimsOverrideDetails? ClaimsOverrideDetails { get; set; }
}
