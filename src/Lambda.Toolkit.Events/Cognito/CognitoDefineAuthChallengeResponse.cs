using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The define auth challenge answer: one of a next challenge, tokens, or failure.</summary>
public sealed class CognitoDefineAuthChallengeResponse
{
    /// <summary>The next challenge, for example <c>CUSTOM_CHALLENGE</c>, when neither issuing tokens nor failing.</summary>
    [JsonPropertyName("challengeName")]
    public string? ChallengeName { get; set; }

    /// <summary>Ends the flow with tokens.</summary>
    [JsonPropertyName("issueTokens")]
    public bool? IssueTokens { get; set; }

    /// <summary>Ends the flow with a failure.</summary>
    [JsonPropertyName("failAuthentication")]
    public bool? FailAuthentication { get; set; }
}
