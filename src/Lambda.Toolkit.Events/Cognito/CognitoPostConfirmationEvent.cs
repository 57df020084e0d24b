using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The post confirmation trigger: a user was confirmed (after sign-up or a password reset).</summary>
public sealed class CognitoPostConfirmationEvent : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoPostConfirmationRequest Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoEmptyResponse Response { get; set; } = new();
}
