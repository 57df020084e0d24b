using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>
/// An SES email-receiving event: what a receipt rule's Lambda action sends, one <see cref="SesRecord"/> per
/// received email. The email's body is not in the event (an S3 action earlier in the rule stores it); the event
/// carries its envelope, headers and SES's verdicts.
/// </summary>
public sealed class SesEvent
{
    /// <summary>The received emails; SES sends one per invocation.</summary>
    [JsonPropertyName("Records")]
    [JsonRequired]
    public required IList<SesRecord> Records { get; set; }
}
