using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Kinesis;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds a Kinesis Data Streams batch from one shard as Lambda delivers it: base64 data, increasing 56-digit
/// sequence numbers, <c>eventID</c>s of the form <c>shardId-…:sequence</c>, the stream ARN and arrival times in
/// epoch seconds with milliseconds.
/// </summary>
/// <example>
/// <code>
/// var batch = new KinesisEventBuilder("clicks")
///     .AddRecord("""{"page":"/"}""", partitionKey: "user-1")
///     .AddRecord(new Click("/cart"), MyJson.Default.Click)
///     .ToJson();
/// </code>
/// </example>
public sealed class KinesisEventBuilder
{
    private readonly string _streamName;
    private readonly List<(byte[] Data, string PartitionKey)> _records = [];
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private string _shardId = "shardId-000000000000";
    private DateTimeOffset? _time;

    /// <summary>Starts a batch from the named stream.</summary>
    /// <param name="streamName">The stream name. Default: <c>test-stream</c>.</param>
    public KinesisEventBuilder(string streamName = "test-stream")
    {
        ArgumentException.ThrowIfNullOrEmpty(streamName);
        _streamName = streamName;
    }

    /// <summary>The stream ARN every record carries as <c>eventSourceARN</c>.</summary>
    public string StreamArn => $"arn:aws:kinesis:{_region}:{_accountId}:stream/{_streamName}";

    /// <summary>Sets the stream's region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public KinesisEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the stream's account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public KinesisEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Sets the shard the batch comes from. Default: <c>shardId-000000000000</c>.</summary>
    /// <param name="shardId">The shard id.</param>
    /// <returns>This builder.</returns>
    public KinesisEventBuilder OnShard(string shardId)
    {
        ArgumentException.ThrowIfNullOrEmpty(shardId);
        _shardId = shardId;
        return this;
    }

    /// <summary>Sets when the records arrived. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public KinesisEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds a record whose data is the UTF-8 of <paramref name="data"/>.</summary>
    /// <param name="data">The record data.</param>
    /// <param name="partitionKey">The partition key. Default: <c>partition-1</c>.</param>
    /// <returns>This builder.</returns>
    public KinesisEventBuilder AddRecord(string data, string partitionKey = "partition-1")
    {
        ArgumentNullException.ThrowIfNull(data);
        return AddRecord(Encoding.UTF8.GetBytes(data), partitionKey);
    }

    /// <summary>Adds a record with binary data.</summary>
    /// <param name="data">The record data.</param>
    /// <param name="partitionKey">The partition key. Default: <c>partition-1</c>.</param>
    /// <returns>This builder.</returns>
    public KinesisEventBuilder AddRecord(ReadOnlySpan<byte> data, string partitionKey = "partition-1")
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        _records.Add((data.ToArray(), partitionKey));
        return this;
    }

    /// <summary>Adds a record whose data is <paramref name="value"/> serialized as JSON.</summary>
    /// <typeparam name="T">The data type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="partitionKey">The partition key. Default: <c>partition-1</c>.</param>
    /// <returns>This builder.</returns>
    public KinesisEventBuilder AddRecord<T>(T value, JsonTypeInfo<T> jsonTypeInfo, string partitionKey = "partition-1") =>
        AddRecord(JsonSerializer.SerializeToUtf8Bytes(value, jsonTypeInfo), partitionKey);

    /// <summary>Builds the batch.</summary>
    /// <returns>A new <see cref="KinesisEvent"/>, one record per added record, in order.</returns>
    public KinesisEvent Build()
    {
        var time = _time ?? DateTimeOffset.UtcNow;
        var sequence = BigInteger.Parse("49" + EventIds.DecimalDigits(54), CultureInfo.InvariantCulture);
        var records = new List<KinesisEventRecord>(_records.Count);
        foreach (var (data, partitionKey) in _records)
        {
            var sequenceNumber = sequence.ToString(CultureInfo.InvariantCulture);
            records.Add(new KinesisEventRecord
            {
                Kinesis = new KinesisRecord
                {
                    KinesisSchemaVersion = "1.0",
                    PartitionKey = partitionKey,
                    SequenceNumber = sequenceNumber,
                    Data = Convert.ToBase64String(data),
                    ApproximateArrivalTimestamp = EventIds.EpochSecondsWithMilliseconds(time),
                },
                EventSource = "aws:kinesis",
                EventVersion = "1.0",
                EventId = _shardId + ":" + sequenceNumber,
                EventName = "aws:kinesis:record",
                InvokeIdentityArn = $"arn:aws:iam::{_accountId}:role/lambda-kinesis-role",
                AwsRegion = _region,
                EventSourceArn = StreamArn,
            });
            sequence += 1_000_000_000_000;
        }

        return new KinesisEvent { Records = records };
    }

    /// <summary>Builds the batch and serializes it with <see cref="KinesisJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), KinesisJsonContext.Default.KinesisEvent);
}
