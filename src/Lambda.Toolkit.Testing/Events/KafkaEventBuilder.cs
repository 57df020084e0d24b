using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Kafka;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds a Kafka batch as an Amazon MSK (or self-managed Apache Kafka) event source mapping delivers it: records
/// grouped under <c>topic-partition</c> keys, increasing offsets per partition, base64 keys and values, headers as
/// arrays of signed byte numbers, epoch-millisecond <c>CREATE_TIME</c> timestamps, the cluster ARN and bootstrap servers.
/// </summary>
/// <example>
/// <code>
/// var batch = new KafkaEventBuilder("orders")
///     .AddRecord("""{"orderId":1}""", partition: 0, key: "customer-7")
///     .AddRecord(new OrderPlaced(2), MyJson.Default.OrderPlaced, partition: 1, headers: [new("trace", "abc")])
///     .ToJson();
/// </code>
/// </example>
public sealed class KafkaEventBuilder
{
    private readonly string _topic;
    private readonly List<(int Partition, byte[]? Value, string? Key, KeyValuePair<string, string>[] Headers)> _records = [];
    private string _region = EventDefaults.Region;
    private string _accountId = EventDefaults.AccountId;
    private bool _selfManaged;
    private long _firstOffset;
    private DateTimeOffset? _time;

    /// <summary>Starts a batch from the named topic.</summary>
    /// <param name="topic">The topic. Default: <c>test-topic</c>.</param>
    public KafkaEventBuilder(string topic = "test-topic")
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        _topic = topic;
    }

    /// <summary>The MSK cluster ARN the event carries as <c>eventSourceArn</c> (none for a self-managed cluster).</summary>
    public string ClusterArn => $"arn:aws:kafka:{_region}:{_accountId}:cluster/test-cluster/9a3e27a1-4bd6-4f4e-8ed1-5c3b9b8e1e21-2";

    /// <summary>Sets the cluster's region. Default: <c>us-east-1</c>.</summary>
    /// <param name="region">The region name.</param>
    /// <returns>This builder.</returns>
    public KafkaEventBuilder InRegion(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        _region = region;
        return this;
    }

    /// <summary>Sets the cluster's account id. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public KafkaEventBuilder InAccount(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _accountId = accountId;
        return this;
    }

    /// <summary>Makes the event a self-managed Apache Kafka one: <c>eventSource</c> <c>SelfManagedKafka</c> and no ARN. Default: Amazon MSK.</summary>
    /// <returns>This builder.</returns>
    public KafkaEventBuilder FromSelfManagedCluster()
    {
        _selfManaged = true;
        return this;
    }

    /// <summary>Sets each partition's first offset; later records of a partition follow it one by one. Default: 0.</summary>
    /// <param name="offset">The first offset.</param>
    /// <returns>This builder.</returns>
    public KafkaEventBuilder StartingAtOffset(long offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        _firstOffset = offset;
        return this;
    }

    /// <summary>Sets the records' timestamp. Default: the time <see cref="Build"/> runs.</summary>
    /// <param name="time">The time.</param>
    /// <returns>This builder.</returns>
    public KafkaEventBuilder At(DateTimeOffset time)
    {
        _time = time;
        return this;
    }

    /// <summary>Adds a record whose value is the UTF-8 of <paramref name="value"/>.</summary>
    /// <param name="value">The value.</param>
    /// <param name="partition">The partition. Default: 0.</param>
    /// <param name="key">The key, as UTF-8; <see langword="null"/> (default) for none.</param>
    /// <param name="headers">Headers, as UTF-8 values, in order (names may repeat).</param>
    /// <returns>This builder.</returns>
    public KafkaEventBuilder AddRecord(string value, int partition = 0, string? key = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return AddRecord(Encoding.UTF8.GetBytes(value), partition, key, headers);
    }

    /// <summary>Adds a record with a binary value.</summary>
    /// <param name="value">The value.</param>
    /// <param name="partition">The partition. Default: 0.</param>
    /// <param name="key">The key, as UTF-8; <see langword="null"/> (default) for none.</param>
    /// <param name="headers">Headers, as UTF-8 values, in order (names may repeat).</param>
    /// <returns>This builder.</returns>
    public KafkaEventBuilder AddRecord(ReadOnlySpan<byte> value, int partition = 0, string? key = null, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        Add(partition, value.ToArray(), key, headers);

    /// <summary>Adds a record whose value is <paramref name="value"/> serialized as JSON.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="partition">The partition. Default: 0.</param>
    /// <param name="key">The key, as UTF-8; <see langword="null"/> (default) for none.</param>
    /// <param name="headers">Headers, as UTF-8 values, in order (names may repeat).</param>
    /// <returns>This builder.</returns>
    public KafkaEventBuilder AddRecord<T>(T value, JsonTypeInfo<T> jsonTypeInfo, int partition = 0, string? key = null, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        AddRecord(JsonSerializer.SerializeToUtf8Bytes(value, jsonTypeInfo), partition, key, headers);

    /// <summary>Adds a tombstone: a record with a key and no value, as log compaction uses to delete a key.</summary>
    /// <param name="key">The key, as UTF-8.</param>
    /// <param name="partition">The partition. Default: 0.</param>
    /// <returns>This builder.</returns>
    public KafkaEventBuilder AddTombstone(string key, int partition = 0)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Add(partition, null, key, null);
    }

    /// <summary>Builds the batch.</summary>
    /// <returns>A new <see cref="KafkaEvent"/>: partitions in the order first added, each partition's records in offset order.</returns>
    public KafkaEvent Build()
    {
        var timestamp = (_time ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds();
        var partitions = new Dictionary<string, IList<KafkaRecord>>(StringComparer.Ordinal);
        foreach (var (partition, value, key, headers) in _records)
        {
            var name = _topic + "-" + partition.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!partitions.TryGetValue(name, out var records))
            {
                partitions[name] = records = [];
            }

            var wireHeaders = new List<IDictionary<string, sbyte[]>>(headers.Length);
            foreach (var (headerName, headerValue) in headers)
            {
                wireHeaders.Add(new Dictionary<string, sbyte[]>(StringComparer.Ordinal) { [headerName] = MemoryMarshal.Cast<byte, sbyte>(Encoding.UTF8.GetBytes(headerValue)).ToArray() });
            }

            records.Add(new KafkaRecord
            {
                Topic = _topic,
                Partition = partition,
                Offset = _firstOffset + records.Count,
                Timestamp = timestamp,
                TimestampType = "CREATE_TIME",
                Key = key is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(key)),
                Value = value is null ? null : Convert.ToBase64String(value),
                Headers = wireHeaders,
            });
        }

        return new KafkaEvent
        {
            EventSource = _selfManaged ? KafkaEvent.SelfManagedEventSource : KafkaEvent.AmazonMskEventSource,
            EventSourceArn = _selfManaged ? null : ClusterArn,
            BootstrapServers = $"b-1.test-cluster.abc123.c2.kafka.{_region}.amazonaws.com:9092,b-2.test-cluster.abc123.c2.kafka.{_region}.amazonaws.com:9092",
            Records = partitions,
        };
    }

    /// <summary>Builds the batch and serializes it with <see cref="KafkaJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), KafkaJsonContext.Default.KafkaEvent);

    private KafkaEventBuilder Add(int partition, byte[]? value, string? key, IEnumerable<KeyValuePair<string, string>>? headers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        _records.Add((partition, value, key, headers is null ? [] : [.. headers]));
        return this;
    }
}
