using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Firehose;

/// <summary>
/// A Kinesis Data Firehose data-transformation event: a batch of records the function transforms and answers
/// with a <see cref="FirehoseResponse"/> that lists every record id.
/// </summary>
public sealed class FirehoseEvent
{
    /// <summary>The invocation's id.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>The delivery stream's ARN.</summary>
    [JsonPropertyName("deliveryStreamArn")]
    public string? DeliveryStreamArn { get; set; }

    /// <summary>The source Kinesis stream's ARN, when the delivery stream reads from one.</summary>
    [JsonPropertyName("sourceKinesisStreamArn")]
    public string? SourceKinesisStreamArn { get; set; }

    /// <summary>The delivery stream's region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>The records to transform.</summary>
    [JsonPropertyName("records")]
    [JsonRequired]
    public required IList<FirehoseRecord> Records { get; set; }
}
