using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Kinesis;

/// <summary>
/// The Kinesis data record inside a Kinesis event record.
/// </summary>
public sealed class KinesisRecord
{
    /// <summary>
    /// The schema version.
    /// </summary>
    [JsonPropertyName("kinesisSchemaVersion")]
    public string? KinesisSchemaVersion { get; set; }

    /// <summary>
    /// The partition key.
    /// </summary>
    [JsonPropertyName("partitionKey")]
    [JsonRequired]
    public required string PartitionKey { get; set; }

    /// <summary>
    /// The sequence number; report it in a BatchItemFailure to resume from this record.
    /// </summary>
    [JsonPropertyName("sequenceNumber")]
    [JsonRequired]
    public required string SequenceNumber { get; set; }

    /// <summary>
    /// The data, base64-encoded.
    /// </summary>
    [JsonPropertyName("data")]
    [JsonRequired]
    public required string Data { get; set; }

    /// <summary>
    /// When the record arrived, in epoch seconds with a fraction (kept in the form Kinesis sent).
    /// </summary>
    [JsonPropertyName("approximateArrivalTimestamp")]
    public decimal? ApproximateArrivalTimestamp { get; set; }

    /// <summary>
    /// KMS when the stream is encrypted.
    /// </summary>
    [JsonPropertyName("encryptionType")]
    public string? EncryptionType { get; set; }

    /// <summary>The data, base64-decoded.</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="EventDeserializationException">The data is not valid base64.</exception>
    public byte[] DecodeData()
    {
        try
        {
            return Convert.FromBase64String(Data);
        }
        catch (FormatException ex)
        {
            throw new EventDeserializationException(typeof(KinesisRecord), "$.kinesis.data", "the data is not valid base64.", ex);
        }
    }

    /// <summary>When the record arrived in the stream.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetApproximateArrivalTime() => ApproximateArrivalTimestamp is { } seconds ? EpochTime.FromSeconds(seconds) : null;
}
