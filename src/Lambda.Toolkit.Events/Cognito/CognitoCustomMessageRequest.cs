using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The custom message request.</summary>
public sealed class CognitoCustomMessageRequest
{
    /// <summary>The user's attributes, by name (for example <c>email</c>, <c>phone_number</c>, <c>custom:tenant</c>).</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The placeholder (usually <c>{####}</c>) to put in the message where the code or temporary password goes.</summary>
    [JsonPropertyName("codeParameter")]
    public string? CodeParameter { get; set; }

    /// <summary>The placeholder for a verification link (<c>{##Click Here##}</c>), when the pool verifies by link.</summary>
    [JsonPropertyName("linkParameter")]
    public string? LinkParameter { get; set; }

    /// <summary>The placeholder (usually <c>{username}</c>) for the user's name, sent with <c>CustomMessage_AdminCreateUser</c>.</summary>
    [JsonPropertyName("usernameParameter")]
    public string? UsernameParameter { get; set; }

    /// <summary>Values the app passed in the API call's <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
