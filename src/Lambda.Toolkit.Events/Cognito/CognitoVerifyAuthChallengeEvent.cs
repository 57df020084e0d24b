using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The verify auth challenge response trigger: say whether the user's answer is correct.</summary>
public sealed class CognitoVerifyAuthChallengeEvent : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoVerifyAuthChallengeRequest Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoVerifyAuthChallengeResponse Response { get; set; } = new();
}
