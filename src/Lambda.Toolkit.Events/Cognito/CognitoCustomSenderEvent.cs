using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The custom email sender and custom SMS sender triggers: send the message yourself; the code arrives encrypted.</summary>
public sealed class CognitoCustomSenderEvent : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoCustomSenderRequest Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoEmptyResponse Response { get; set; } = new();
}
