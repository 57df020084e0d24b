using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Batch;

/// <summary>
/// The tumbling window an invocation of a Kinesis or DynamoDB Streams handler belongs to.
/// </summary>
public sealed class TimeWindow
{
    /// <summary>
    /// The window's start, ISO 8601.
    /// </summary>
    [JsonPropertyName("start")]
    [JsonRequired]
    public required string Start { get; set; }

    /// <summary>
    /// The window's end, ISO 8601.
    /// </summary>
    [JsonPropertyName("end")]
    [JsonRequired]
    public required string End { get; set; }
}
