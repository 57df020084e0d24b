using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The create auth challenge answer.</summary>
public sealed class CognitoCreateAuthChallengeResponse
{
    /// <summary>What the app shows the user (sent to the client).</summary>
    [JsonPropertyName("publicChallengeParameters")]
    public Dictionary<string, string>? PublicChallengeParameters { get; set; }

    /// <summary>What the verify trigger checks the answer against (never sent to the client).</summary>
    [JsonPropertyName("privateChallengeParameters")]
    public Dictionary<string, string>? PrivateChallengeParameters { get; set; }

    /// <summary>A name for this challenge, seen in later sessions.</summary>
    [JsonPropertyName("challengeMetadata")]
    public string? ChallengeMetadata { get; set; }
}
