using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>One challenge of a custom authentication session so far.</summary>
public sealed class CognitoChallengeResult
{
    /// <summary>The challenge: <c>SRP_A</c>, <c>PASSWORD_VERIFIER</c>, <c>CUSTOM_CHALLENGE</c>, <c>SMS_MFA</c>, …</summary>
    [JsonPropertyName("challengeName")]
    public string? ChallengeName { get; set; }

    /// <summary>Whether the user answered it correctly.</summary>
    [JsonPropertyName("challengeResult")]
    public bool? ChallengeResult { get; set; }

    /// <summary>The name the create auth challenge trigger gave a custom challenge.</summary>
    [JsonPropertyName("challengeMetadata")]
    public string? ChallengeMetadata { get; set; }
}
