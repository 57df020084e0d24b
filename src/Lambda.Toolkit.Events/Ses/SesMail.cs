using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>The received email of an <see cref="SesMessage"/>.</summary>
public sealed class SesMail
{
    /// <summary>When SES received the email, ISO 8601 as SES wrote it.</summary>
    [JsonPropertyName("timestamp")]
    public string? Timestamp { get; set; }

    /// <summary>The envelope sender (MAIL FROM).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>SES's id of the email; also the object key when an S3 action stored it.</summary>
    [JsonPropertyName("messageId")]
    [JsonRequired]
    public required string MessageId { get; set; }

    /// <summary>Every recipient address of the email's headers (To and CC).</summary>
    [JsonPropertyName("destination")]
    public IList<string>? Destination { get; set; }

    /// <summary>Whether SES left headers out because they were too large.</summary>
    [JsonPropertyName("headersTruncated")]
    public bool? HeadersTruncated { get; set; }

    /// <summary>The email's headers, in order; a header may appear more than once.</summary>
    [JsonPropertyName("headers")]
    public IList<SesHeader>? Headers { get; set; }

    /// <summary>The headers every email has, parsed.</summary>
    [JsonPropertyName("commonHeaders")]
    public SesCommonHeaders? CommonHeaders { get; set; }
}
