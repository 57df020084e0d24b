using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Kafka;

/// <summary>
/// A batch from an Amazon MSK or self-managed Apache Kafka event source mapping: the records of one or more
/// partitions, keyed <c>topic-partition</c>, each partition's records in offset order. Lambda invokes the
/// function synchronously and, unless the mapping reports batch item failures, retries the whole batch when the
/// invocation fails.
/// </summary>
public sealed class KafkaEvent
{
    /// <summary>The <see cref="EventSource"/> of an Amazon MSK cluster.</summary>
    public const string AmazonMskEventSource = "aws:kafka";

    /// <summary>The <see cref="EventSource"/> of a self-managed Apache Kafka cluster.</summary>
    public const string SelfManagedEventSource = "SelfManagedKafka";

    /// <summary><c>aws:kafka</c> (<see cref="AmazonMskEventSource"/>) or <c>SelfManagedKafka</c> (<see cref="SelfManagedEventSource"/>).</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The MSK cluster's ARN; absent for a self-managed cluster.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; set; }

    /// <summary>The cluster's bootstrap brokers, comma-separated <c>host:port</c> pairs.</summary>
    [JsonPropertyName("bootstrapServers")]
    public string? BootstrapServers { get; set; }

    /// <summary>The records, keyed <c>topic-partition</c> (for example <c>orders-3</c>), each list in offset order.</summary>
    [JsonPropertyName("records")]
    [JsonRequired]
    public required IDictionary<string, IList<KafkaRecord>> Records { get; set; }
}
