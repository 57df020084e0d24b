using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The pre sign-up trigger: accept or refuse a new user (throw to refuse) and confirm or verify them automatically.</summary>
public sealed class CognitoPreSignUpEvent : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoPreSignUpRequest Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoPreSignUpResponse Response { get; set; } = new();
}
