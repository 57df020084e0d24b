using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The user migration answer.</summary>
public sealed class CognitoUserMigrationResponse
{
    /// <summary>The user's attributes to create them with.</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary><c>CONFIRMED</c> or <c>RESET_REQUIRED</c>.</summary>
    [JsonPropertyName("finalUserStatus")]
    public string? FinalUserStatus { get; set; }

    /// <summary><c>SUPPRESS</c> to send no welcome message, or <c>RESEND</c>.</summary>
    [JsonPropertyName("messageAction")]
    public string? MessageAction { get; set; }

    /// <summary>Where to send the welcome message: <c>EMAIL</c> and/or <c>SMS</c>.</summary>
    [JsonPropertyName("desiredDeliveryMediums")]
    public IList<string>? DesiredDeliveryMediums { get; set; }

    /// <summary>Moves an email or phone alias from another user to this one.</summary>
    [JsonPropertyName("forceAliasCreation")]
    public bool? ForceAliasCreation { get; set; }

    /// <summary>Turns on SMS multi-factor authentication for the user.</summary>
    [JsonPropertyName("enableSMSMFA")]
    public bool? EnableSmsMfa { get; set; }
}
