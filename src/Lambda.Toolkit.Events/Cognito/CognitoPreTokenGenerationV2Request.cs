using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The pre token generation request (versions 2 and 3).</summary>
public sealed class CognitoPreTokenGenerationV2Request
{
    /// <summary>The user's attributes, by name (for example <c>email</c>, <c>phone_number</c>, <c>custom:tenant</c>).</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>The access token's scopes.</summary>
    [JsonPropertyName("scopes")]
    public IList<string>? Scopes { get; set; }

    /// <summary>The groups and roles Amazon Cognito would write into the tokens.</summary>
    [JsonPropertyName("groupConfiguration")]
    public CognitoGroupConfiguration? GroupConfiguration { get; set; }

    /// <summary>Values the app passed in the API call's <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
