using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>The common headers of an <see cref="SesMail"/>; the optional ones are absent when the email has none.</summary>
public sealed class SesCommonHeaders
{
    /// <summary>The Return-Path header.</summary>
    [JsonPropertyName("returnPath")]
    public string? ReturnPath { get; set; }

    /// <summary>The From header's addresses.</summary>
    [JsonPropertyName("from")]
    public IList<string>? From { get; set; }

    /// <summary>The Date header, as the sender wrote it.</summary>
    [JsonPropertyName("date")]
    public string? Date { get; set; }

    /// <summary>The To header's addresses.</summary>
    [JsonPropertyName("to")]
    public IList<string>? To { get; set; }

    /// <summary>The CC header's addresses, when there is one.</summary>
    [JsonPropertyName("cc")]
    public IList<string>? Cc { get; set; }

    /// <summary>The BCC header's addresses, when there is one.</summary>
    [JsonPropertyName("bcc")]
    public IList<string>? Bcc { get; set; }

    /// <summary>The Sender header's addresses, when there is one.</summary>
    [JsonPropertyName("sender")]
    public IList<string>? Sender { get; set; }

    /// <summary>The Reply-To header's addresses, when there is one.</summary>
    [JsonPropertyName("replyTo")]
    public IList<string>? ReplyTo { get; set; }

    /// <summary>The Message-ID header (the sender's id, not SES's).</summary>
    [JsonPropertyName("messageId")]
    public string? MessageId { get; set; }

    /// <summary>The Subject header.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; set; }
}
