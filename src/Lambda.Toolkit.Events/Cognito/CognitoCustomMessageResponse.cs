using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The custom message answer; a message left out keeps the pool's template.</summary>
public sealed class CognitoCustomMessageResponse
{
    /// <summary>The SMS text: at most 140 characters, with the request's <c>codeParameter</c>.</summary>
    [JsonPropertyName("smsMessage")]
    public string? SmsMessage { get; set; }

    /// <summary>The email body: at most 20,000 characters, with the request's <c>codeParameter</c> (or <c>linkParameter</c>).</summary>
    [JsonPropertyName("emailMessage")]
    public string? EmailMessage { get; set; }

    /// <summary>The email subject: at most 140 characters.</summary>
    [JsonPropertyName("emailSubject")]
    public string? EmailSubject { get; set; }
}
