using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The create auth challenge request.</summary>
public sealed class CognitoCreateAuthChallengeRequest
{
    /// <summary>The user's attributes, by name (for example <c>email</c>, <c>phone_number</c>, <c>custom:tenant</c>).</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The challenge to create (<c>CUSTOM_CHALLENGE</c>).</summary>
    [JsonPropertyName("challengeName")]
    public string? ChallengeName { get; set; }

    /// <summary>The challenges so far, in order.</summary>
    [JsonPropertyName("session")]
    public IList<CognitoChallengeResult>? Session { get; set; }

    /// <summary>Values the app passed in the API call's <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>Whether the user does not exist (sent when the app client prevents user existence errors).</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}
