using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>A user's groups and IAM roles as Amazon Cognito would write them into tokens, or as a pre token generation trigger overrides them.</summary>
public sealed class CognitoGroupConfiguration
{
    /// <summary>The groups (<c>cognito:groups</c>).</summary>
    [JsonPropertyName("groupsToOverride")]
    public IList<string>? GroupsToOverride { get; set; }

    /// <summary>The IAM role ARNs (<c>cognito:roles</c>).</summary>
    [JsonPropertyName("iamRolesToOverride")]
    public IList<string>? IamRolesToOverride { get; set; }

    /// <summary>The preferred IAM role's ARN (<c>cognito:preferred_role</c>).</summary>
    [JsonPropertyName("preferredRole")]
    public string? PreferredRole { get; set; }
}
