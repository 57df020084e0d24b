using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.HttpApi;

/// <summary>
/// The Cognito identity of an IAM-authorized caller.
/// </summary>
public sealed class HttpApiCognitoIdentity
{
    /// <summary>
    /// The authentication methods references.
    /// </summary>
    [JsonPropertyName("amr")]
    public IList<string>? Amr { get; set; }

    /// <summary>
    /// The Cognito identity id.
    /// </summary>
    [JsonPropertyName("identityId")]
    public string? IdentityId { get; set; }

    /// <summary>
    /// The Cognito identity pool id.
    /// </summary>
    [JsonPropertyName("identityPoolId")]
    public string? IdentityPoolId { get; set; }
}
