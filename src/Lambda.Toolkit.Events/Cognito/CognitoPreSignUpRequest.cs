using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The pre sign-up request.</summary>
public sealed class CognitoPreSignUpRequest
{
    /// <summary>The user's attributes, by name (for example <c>email</c>, <c>phone_number</c>, <c>custom:tenant</c>).</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Values the app passed as <c>ValidationData</c> (not stored with the user).</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Values the app passed in the API call's <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
