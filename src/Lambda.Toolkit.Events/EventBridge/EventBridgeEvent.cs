using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.EventBridge;

/// <summary>
/// An EventBridge (CloudWatch Events) event, generic over its detail. Use EventBridgeEvent of JsonElement for any
/// event (<c>EventBridgeJsonContext.Default.EventBridgeEventJsonElement</c> keeps every detail as sent), or your own
/// detail type: list only the detail type in your JsonSerializerContext and read events through
/// <see cref="EventBridgeEventJson.Create{T}"/>.
/// </summary>
/// <typeparam name="TDetail">The type of <c>detail</c>.</typeparam>
public sealed class EventBridgeEvent<TDetail>
{
    /// <summary>
    /// The event version, 0.
    /// </summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>
    /// The event id.
    /// </summary>
    [JsonPropertyName("id")]
    [JsonRequired]
    public required string Id { get; set; }

    /// <summary>
    /// What happened, for example "Scheduled Event" or "Object Created".
    /// </summary>
    [JsonPropertyName("detail-type")]
    [JsonRequired]
    public required string DetailType { get; set; }

    /// <summary>
    /// Who sent it, for example aws.events or aws.s3.
    /// </summary>
    [JsonPropertyName("source")]
    [JsonRequired]
    public required string Source { get; set; }

    /// <summary>
    /// The account the event came from.
    /// </summary>
    [JsonPropertyName("account")]
    public string? Account { get; set; }

    /// <summary>
    /// When it happened, ISO 8601.
    /// </summary>
    [JsonPropertyName("time")]
    public string? Time { get; set; }

    /// <summary>
    /// The region it came from.
    /// </summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>
    /// The ARNs of the resources involved.
    /// </summary>
    [JsonPropertyName("resources")]
    public IList<string>? Resources { get; set; }

    /// <summary>
    /// The replay that re-sent this event, when it is a replay.
    /// </summary>
    [JsonPropertyName("replay-name")]
    public string? ReplayName { get; set; }

    /// <summary>
    /// The event's detail.
    /// </summary>
    [JsonPropertyName("detail")]
    public TDetail? Detail { get; set; }

    /// <summary>When the event happened.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetTime() => EpochTime.ParseIso8601(Time);

    /// <summary>
    /// Whether this is a scheduled event: from an EventBridge rule with a schedule (source <c>aws.events</c>) or from an
    /// EventBridge Scheduler schedule without input (source <c>aws.scheduler</c>), detail-type <c>Scheduled Event</c>.
    /// </summary>
    [JsonIgnore]
    public bool IsScheduled => Source is "aws.events" or "aws.scheduler" && DetailType == "Scheduled Event";
}
