using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>Changes to the ID token (pre token generation version 1).</summary>
public sealed class CognitoClaimsOverrideDetails
{
    /// <summary>Claims to add or change, by name; string values. Reserved claims (<c>sub</c>, <c>iss</c>, <c>aud</c>, <c>exp</c>, <c>token_use</c>, <c>cognito:*</c>, …) cannot be set.</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public Dictionary<string, string>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public IList<string>? ClaimsToSuppress { get; set; }

    /// <summary>Groups and roles to write instead of the user's.</summary>
    [JsonPropertyName("groupOverrideDetails")]
    public CognitoGroupConfiguration? GroupOverrideDetails { get; set; }
}
