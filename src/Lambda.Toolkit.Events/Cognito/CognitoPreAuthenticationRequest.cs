using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The pre authentication request.</summary>
public sealed class CognitoPreAuthenticationRequest
{
    /// <summary>The user's attributes, by name (for example <c>email</c>, <c>phone_number</c>, <c>custom:tenant</c>).</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Values the app passed in the API call's <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>Values the app passed as <c>ValidationData</c> (not stored with the user).</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Whether the user does not exist (sent when the app client prevents user existence errors).</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}
