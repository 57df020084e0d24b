using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Firehose;

/// <summary>The Kinesis stream record behind a <see cref="FirehoseRecord"/>, when the delivery stream reads from a Kinesis stream.</summary>
public sealed class FirehoseKinesisRecordMetadata
{
    /// <summary>The shard the record came from.</summary>
    [JsonPropertyName("shardId")]
    public string? ShardId { get; set; }

    /// <summary>The record's partition key.</summary>
    [JsonPropertyName("partitionKey")]
    public string? PartitionKey { get; set; }

    /// <summary>When the stream received the record, in epoch milliseconds.</summary>
    [JsonPropertyName("approximateArrivalTimestamp")]
    public long? ApproximateArrivalTimestamp { get; set; }

    /// <summary>The record's sequence number in its shard.</summary>
    [JsonPropertyName("sequenceNumber")]
    public string? SequenceNumber { get; set; }

    /// <summary>The subsequence number of an aggregated record (often empty).</summary>
    [JsonPropertyName("subsequenceNumber")]
    public string? SubsequenceNumber { get; set; }
}
