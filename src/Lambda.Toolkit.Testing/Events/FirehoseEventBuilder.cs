using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Firehose;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds a Kinesis Data Firehose transformation event as Firehose sends it: an invocation id, the delivery stream's
/// ARN and region, and one record per added payload with its data base64-encoded and its arrival time in Unix
/// milliseconds. With <see cref="FromKinesisStream"/> the records carry the source stream's metadata too.
/// </summary>
/// <example>
/// <code>
/// var batch = new FirehoseEventBuilder("clicks")
///     .AddRecord(new Click("home"), MyJson.Default.Click)
///     .ToJson();
/// </code>
/// </example>
public sealed class FirehoseEventBuilder
{
    private readonly string _deliveryStreamName;
    private readonly List<(byte[] Data, string? PartitionKey)> _records = [];
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private string? _sourceStreamName;
    private DateTimeOffset? _time;

    /// <summary>Starts an event from the named delivery stream.</summary>
    /// <param name="deliveryStreamName">The delivery stream name. Default: <c>test-delivery-stream</c>.</param>
    public FirehoseEventBuilder(string deliveryStreamName = "test-delivery-stream")
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryStreamName);
        _deliveryStreamName = deliveryStreamName;
    }

    /// <summary>The delivery stream's ARN the event carries.</summary>
    public string DeliveryStreamArn => $"arn:aws:firehose:{_region}:{_accountId}:deliverystream/{_deliveryStreamName}";

    /// <summary>Sets the delivery stream's region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public FirehoseEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the delivery stream's account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public FirehoseEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>
    /// Makes a Kinesis data stream the delivery stream's source: the event carries <c>sourceKinesisStreamArn</c> and
    /// each record its <c>kinesisRecordMetadata</c> (shard, partition key, sequence numbers, arrival time).
    /// </summary>
    /// <param name="streamName">The source stream's name.</param>
    /// <returns>This builder.</returns>
    public FirehoseEventBuilder FromKinesisStream(string streamName)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        _sourceStreamName = streamName;
        return this;
    }

    /// <summary>Sets when the records arrived. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public FirehoseEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds a record of raw bytes.</summary>
    /// <param name="data">The record's data.</param>
    /// <param name="partitionKey">With a Kinesis source, the record's partition key. Default: a new UUID.</param>
    /// <returns>This builder.</returns>
    public FirehoseEventBuilder AddRecord(ReadOnlySpan<byte> data, string? partitionKey = null)
    {
        _records.Add((data.ToArray(), partitionKey));
        return this;
    }

    /// <summary>Adds a record of UTF-8 text.</summary>
    /// <param name="text">The record's text.</param>
    /// <param name="partitionKey">With a Kinesis source, the record's partition key.</param>
    /// <returns>This builder.</returns>
    public FirehoseEventBuilder AddRecord(string text, string? partitionKey = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return AddRecord(Encoding.UTF8.GetBytes(text), partitionKey);
    }

    /// <summary>Adds a record whose data is <paramref name="value"/> serialized as JSON.</summary>
    /// <typeparam name="T">The record's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="partitionKey">With a Kinesis source, the record's partition key.</param>
    /// <returns>This builder.</returns>
    public FirehoseEventBuilder AddRecord<T>(T value, JsonTypeInfo<T> jsonTypeInfo, string? partitionKey = null)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return AddRecord(JsonSerializer.SerializeToUtf8Bytes(value, jsonTypeInfo), partitionKey);
    }

    /// <summary>Builds the event.</summary>
    /// <returns>A new <see cref="FirehoseEvent"/>, one record per added payload, in order, with unique record ids.</returns>
    public FirehoseEvent Build()
    {
        var arrival = (_time ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds();
        var records = new List<FirehoseRecord>(_records.Count);
        var sequence = EventIds.DecimalDigits(40);
        for (var i = 0; i < _records.Count; i++)
        {
            var (data, partitionKey) = _records[i];

            // Firehose record ids are long decimal strings; from a Kinesis source they are the sequence number.
            var recordId = sequence + i.ToString("D16", System.Globalization.CultureInfo.InvariantCulture);
            records.Add(new FirehoseRecord
            {
                RecordId = recordId,
                ApproximateArrivalTimestamp = JsonSerializer.SerializeToElement(arrival, FirehoseJsonContext.Default.Int64),
                Data = Convert.ToBase64String(data),
                KinesisRecordMetadata = _sourceStreamName is null ? null : new FirehoseKinesisRecordMetadata
                {
                    SequenceNumber = recordId,
                    SubsequenceNumber = string.Empty,
                    PartitionKey = partitionKey ?? EventIds.Uuid(),
                    ShardId = "shardId-000000000000",
                    ApproximateArrivalTimestamp = arrival,
                },
            });
        }

        return new FirehoseEvent
        {
            InvocationId = EventIds.Uuid(),
            DeliveryStreamArn = DeliveryStreamArn,
            SourceKinesisStreamArn = _sourceStreamName is null ? null : $"arn:aws:kinesis:{_region}:{_accountId}:stream/{_sourceStreamName}",
            Region = _region,
            Records = records,
        };
    }

    /// <summary>Builds the event and serializes it with <see cref="FirehoseJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), FirehoseJsonContext.Default.FirehoseEvent);
}
