using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The pre token generation trigger, event version 2 (and 3, for machine-to-machine grants): customise the ID and access tokens.</summary>
public sealed class CognitoPreTokenGenerationV2Event : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoPreTokenGenerationV2Request Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoPreTokenGenerationV2Response Response { get; set; } = new();
}
