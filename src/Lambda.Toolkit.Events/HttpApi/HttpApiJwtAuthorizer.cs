using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.HttpApi;

/// <summary>
/// The claims and scopes of a JWT authorizer.
/// </summary>
public sealed class HttpApiJwtAuthorizer
{
    /// <summary>
    /// The token's claims; JWT arrays arrive as one string.
    /// </summary>
    [JsonPropertyName("claims")]
    public Dictionary<string, string>? Claims { get; set; }

    /// <summary>
    /// The token's scopes.
    /// </summary>
    [JsonPropertyName("scopes")]
    public IList<string>? Scopes { get; set; }
}
