using Lambda.Toolkit.Events.Batch;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.DynamoDb;

/// <summary>
/// The change a DynamoDB Streams record describes.
/// </summary>
public sealed class DynamoDbStreamRecord
{
    /// <summary>
    /// When the change was made, in epoch seconds (kept in the form DynamoDB sent).
    /// </summary>
    [JsonPropertyName("ApproximateCreationDateTime")]
    public decimal? ApproximateCreationDateTime { get; set; }

    /// <summary>
    /// The primary key of the changed item.
    /// </summary>
    [JsonPropertyName("Keys")]
    public Dictionary<string, AttributeValue>? Keys { get; set; }

    /// <summary>
    /// The item after the change (NEW_IMAGE and NEW_AND_OLD_IMAGES views; absent on REMOVE).
    /// </summary>
    [JsonPropertyName("NewImage")]
    public Dictionary<string, AttributeValue>? NewImage { get; set; }

    /// <summary>
    /// The item before the change (OLD_IMAGE and NEW_AND_OLD_IMAGES views; absent on INSERT).
    /// </summary>
    [JsonPropertyName("OldImage")]
    public Dictionary<string, AttributeValue>? OldImage { get; set; }

    /// <summary>
    /// The record's sequence number; report it in a BatchItemFailure to resume from this record.
    /// </summary>
    [JsonPropertyName("SequenceNumber")]
    [JsonRequired]
    public required string SequenceNumber { get; set; }

    /// <summary>
    /// The size of the record in bytes.
    /// </summary>
    [JsonPropertyName("SizeBytes")]
    public long? SizeBytes { get; set; }

    /// <summary>
    /// KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES.
    /// </summary>
    [JsonPropertyName("StreamViewType")]
    public string? StreamViewType { get; set; }

    /// <summary>When the change was made.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetApproximateCreationTime() => ApproximateCreationDateTime is { } seconds ? EpochTime.FromSeconds(seconds) : null;
}
