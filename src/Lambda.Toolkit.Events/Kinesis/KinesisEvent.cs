using System.Text.Json;
using Lambda.Toolkit.Events.Batch;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Kinesis;

/// <summary>
/// A Kinesis Data Streams event: a batch of records from one shard, in order.
/// </summary>
public sealed class KinesisEvent
{
    /// <summary>
    /// The records.
    /// </summary>
    [JsonPropertyName("Records")]
    [JsonRequired]
    public required IList<KinesisEventRecord> Records { get; set; }

    /// <summary>
    /// The tumbling window, when the event source mapping has one.
    /// </summary>
    [JsonPropertyName("window")]
    public TimeWindow? Window { get; set; }

    /// <summary>
    /// The state the previous invocation of the window returned.
    /// Any JSON values: AWS passes back whatever the handler returned (its own samples carry numbers).
    /// </summary>
    [JsonPropertyName("state")]
    public Dictionary<string, JsonElement>? State { get; set; }

    /// <summary>
    /// The shard the batch came from (tumbling windows).
    /// </summary>
    [JsonPropertyName("shardId")]
    public string? ShardId { get; set; }

    /// <summary>
    /// The stream ARN (tumbling windows).
    /// </summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>
    /// Whether this is the last invocation for the window.
    /// </summary>
    [JsonPropertyName("isFinalInvokeForWindow")]
    public bool? IsFinalInvokeForWindow { get; set; }

    /// <summary>
    /// Whether the window ended early because the state grew past its limit.
    /// </summary>
    [JsonPropertyName("isWindowTerminatedEarly")]
    public bool? IsWindowTerminatedEarly { get; set; }
}
