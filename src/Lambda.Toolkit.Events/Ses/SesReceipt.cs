using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>How SES received an email: the <c>receipt</c> object of an <see cref="SesMessage"/>.</summary>
public sealed class SesReceipt
{
    /// <summary>When the action was triggered, ISO 8601 as SES wrote it.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>Milliseconds from SES receiving the email to triggering the action.</summary>
    [JsonPropertyName("processingTimeMillis")]
    public long? ProcessingTimeMillis { get; set; }

    /// <summary>The envelope recipients (RCPT TO) the active receipt rule matched; may differ from <see cref="SesMail.Destination"/>.</summary>
    [JsonPropertyName("recipients")]
    public IList<string>? Recipients { get; set; }

    /// <summary>Whether the email is spam.</summary>
    [JsonPropertyName("spamVerdict")]
    public SesVerdict? SpamVerdict { get; set; }

    /// <summary>Whether the email carries a virus.</summary>
    [JsonPropertyName("virusVerdict")]
    public SesVerdict? VirusVerdict { get; set; }

    /// <summary>Whether the SPF check passed.</summary>
    [JsonPropertyName("spfVerdict")]
    public SesVerdict? SpfVerdict { get; set; }

    /// <summary>Whether the DKIM check passed.</summary>
    [JsonPropertyName("dkimVerdict")]
    public SesVerdict? DkimVerdict { get; set; }

    /// <summary>Whether the DMARC check passed.</summary>
    [JsonPropertyName("dmarcVerdict")]
    public SesVerdict? DmarcVerdict { get; set; }

    /// <summary>The sending domain's DMARC policy (<c>none</c>, <c>quarantine</c> or <c>reject</c>); present only when DMARC failed.</summary>
    [JsonPropertyName("dmarcPolicy")]
    public string? DmarcPolicy { get; set; }

    /// <summary>The receipt rule's action that invoked the function.</summary>
    [JsonPropertyName("action")]
    public SesReceiptAction? Action { get; set; }
}
