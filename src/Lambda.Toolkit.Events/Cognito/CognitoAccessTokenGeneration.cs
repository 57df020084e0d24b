using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>Changes to the access token.</summary>
public sealed class CognitoAccessTokenGeneration
{
    /// <summary>Claims to add or change, by name: strings, numbers, booleans, arrays or JSON objects. Reserved claims cannot be set.</summary>
    [JsonPropertyName("claimsToAddOrOverride")]
    public Dictionary<string, JsonElement>? ClaimsToAddOrOverride { get; set; }

    /// <summary>Claims to remove.</summary>
    [JsonPropertyName("claimsToSuppress")]
    public IList<string>? ClaimsToSuppress { get; set; }

    /// <summary>Scopes to add to the <c>scope</c> claim.</summary>
    [JsonPropertyName("scopesToAdd")]
    public IList<string>? ScopesToAdd { get; set; }

    /// <summary>Scopes to remove from the <c>scope</c> claim.</summary>
    [JsonPropertyName("scopesToSuppress")]
    public IList<string>? ScopesToSuppress { get; set; }
}
