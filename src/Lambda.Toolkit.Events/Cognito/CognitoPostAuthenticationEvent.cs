using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The post authentication trigger: a user signed in.</summary>
public sealed class CognitoPostAuthenticationEvent : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoPostAuthenticationRequest Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoEmptyResponse Response { get; set; } = new();
}
