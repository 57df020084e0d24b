using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CloudWatchLogs;

/// <summary>The <c>awslogs</c> object of a <see cref="CloudWatchLogsEvent"/>.</summary>
public sealed class CloudWatchLogsEventData
{
    /// <summary>The base64 of the gzip of a <see cref="CloudWatchLogsData"/> JSON document.</summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public required string Data { get; set; }
}
