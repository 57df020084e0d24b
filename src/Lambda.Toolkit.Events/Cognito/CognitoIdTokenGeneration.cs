using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>Changes to the ID token.</summary>
public sealed class CognitoIdTokenGeneration
{
    /// <summary>Claims to add or change, by name: strings, numbers, booleans, arrays or JSON objects (not for <c>email_verified</c>, <c>phone_number_verified</c>, <c>updated_at</c> or <c>address</c>). Reserved claims cannot be set.</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public Dictionary<string, JsonElement>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public IList<string>? ClaimsToSuppress { get; set; }
}
