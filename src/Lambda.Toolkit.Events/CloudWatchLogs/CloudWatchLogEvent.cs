using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CloudWatchLogs;

/// <summary>One log event of a <see cref="CloudWatchLogsData"/>.</summary>
public sealed class CloudWatchLogEvent
{
    /// <summary>The log event's id, unique within the log group.</summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public required string Id { get; set; }

    /// <summary>When the event happened, in milliseconds since the Unix epoch (see <see cref="GetTimestamp"/>).</summary>
    [JsonPropertyName("timestamp")]
    [JsonRequired]
    public long Timestamp { get; set; }

    /// <summary>The log message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>The fields a space-delimited filter pattern extracted, when it names any.</summary>
    [JsonPropertyName("extractedFields")]
    public IDictionary<string, string>? ExtractedFields { get; set; }

    /// <summary>When the event happened.</summary>
    /// <returns>The instant.</returns>
    public DateTimeOffset GetTimestamp() => EpochTime.FromMilliseconds(Timestamp);
}
