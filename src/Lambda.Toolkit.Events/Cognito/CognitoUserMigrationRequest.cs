using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The user migration request.</summary>
public sealed class CognitoUserMigrationRequest
{
    /// <summary>The password the user entered (at sign-in only); check it against the old directory and never log it.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Values the app passed as <c>ValidationData</c> (not stored with the user).</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Values the app passed in the API call's <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
