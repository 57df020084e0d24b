using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The create auth challenge trigger: make the custom challenge the define trigger asked for.</summary>
public sealed class CognitoCreateAuthChallengeEvent : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoCreateAuthChallengeRequest Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoCreateAuthChallengeResponse Response { get; set; } = new();
}
