using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The define auth challenge trigger: decide, from the session so far, the next challenge, or issue tokens, or fail.</summary>
public sealed class CognitoDefineAuthChallengeEvent : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoDefineAuthChallengeRequest Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoDefineAuthChallengeResponse Response { get; set; } = new();
}
