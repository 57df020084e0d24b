using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The inbound federation trigger: map a federated user's attributes from their identity provider's tokens.</summary>
public sealed class CognitoInboundFederationEvent : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoInboundFederationRequest Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoInboundFederationResponse Response { get; set; } = new();
}
