using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Firehose;

/// <summary>One record of a <see cref="FirehoseEvent"/>.</summary>
public sealed class FirehoseRecord
{
    /// <summary>The record's id; the response answers it exactly once.</summary>
    [JsonPropertyName("recordId")]
    [JsonRequired]
    public required string RecordId { get; set; }

    /// <summary>
    /// When Firehose received the record: epoch milliseconds, a number on the wire. Kept as the raw JSON value so
    /// that its exact form survives a round trip (one of AWS's own samples carries an ISO 8601 string here);
    /// read it with <see cref="GetApproximateArrivalTime"/>.
    /// </summary>
    [JsonPropertyName("approximateArrivalTimestamp")]
    public JsonElement? ApproximateArrivalTimestamp { get; set; }

    /// <summary>The record's data, base64-encoded.</summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public required string Data { get; set; }

    /// <summary>The Kinesis record's details, when the delivery stream reads from a Kinesis stream.</summary>
    [JsonPropertyName("kinesisRecordMetadata")]
    public FirehoseKinesisRecordMetadata? KinesisRecordMetadata { get; set; }

    /// <summary>Decodes <see cref="Data"/>.</summary>
    /// <returns>The record's bytes.</returns>
    /// <exception cref="FormatException"><see cref="Data"/> is not valid base64.</exception>
    public byte[] DecodeData() => Convert.FromBase64String(Data);

    /// <summary>Reads <see cref="ApproximateArrivalTimestamp"/> as an instant.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent or in neither epoch-millisecond nor ISO 8601 form.</returns>
    public DateTimeOffset? GetApproximateArrivalTime() => ApproximateArrivalTimestamp switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var ms) => EpochTime.FromMilliseconds(ms),
        { ValueKind: JsonValueKind.String } s => EpochTime.ParseIso8601(s.GetString()),
        _ => null,
    };
}
