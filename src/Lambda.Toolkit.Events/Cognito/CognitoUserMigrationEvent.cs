using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The user migration trigger: look the user up in the old directory and return their attributes (throw when the user or password is wrong).</summary>
public sealed class CognitoUserMigrationEvent : CognitoTriggerEvent
{
    /// <summary>What Amazon Cognito sends.</summary>
    [JsonPropertyName("request")]
    public CognitoUserMigrationRequest Request { get; set; } = new();

    /// <summary>The answer: fill it in the handler; the function returns the whole event with it.</summary>
    [JsonPropertyName("response")]
    public CognitoUserMigrationResponse Response { get; set; } = new();
}
