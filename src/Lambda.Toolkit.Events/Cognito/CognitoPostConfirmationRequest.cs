using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The post confirmation request.</summary>
public sealed class CognitoPostConfirmationRequest
{
    /// <summary>The user's attributes, by name (for example <c>email</c>, <c>phone_number</c>, <c>custom:tenant</c>).</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Values the app passed in the API call's <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
