using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>The <c>ses</c> object of an <see cref="SesRecord"/>: the email and its receipt.</summary>
public sealed class SesMessage
{
    /// <summary>The email: envelope, headers and common headers.</summary>
    [JsonPropertyName("mail")]
    [JsonRequired]
    public required SesMail Mail { get; set; }

    /// <summary>How SES received the email: recipients, verdicts and the action that invoked the function.</summary>
    [JsonPropertyName("receipt")]
    [JsonRequired]
    public required SesReceipt Receipt { get; set; }
}
