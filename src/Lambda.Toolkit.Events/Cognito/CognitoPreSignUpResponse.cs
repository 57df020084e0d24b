using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The pre sign-up answer.</summary>
public sealed class CognitoPreSignUpResponse
{
    /// <summary>Confirms the user without a confirmation code.</summary>
    [JsonPropertyName("autoConfirmUser")]
    public bool? AutoConfirmUser { get; set; }

    /// <summary>Marks the phone number verified; the request's <c>phone_number</c> attribute must have a value.</summary>
    [JsonPropertyName("autoVerifyPhone")]
    public bool? AutoVerifyPhone { get; set; }

    /// <summary>Marks the email address verified; the request's <c>email</c> attribute must have a value.</summary>
    [JsonPropertyName("autoVerifyEmail")]
    public bool? AutoVerifyEmail { get; set; }
}
