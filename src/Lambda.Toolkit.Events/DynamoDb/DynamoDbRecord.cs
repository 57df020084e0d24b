using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.DynamoDb;

/// <summary>
/// One DynamoDB Streams record.
/// </summary>
public sealed class DynamoDbRecord
{
    /// <summary>
    /// The event id.
    /// </summary>
    [JsonPropertyName("eventID")]
    public string? EventId { get; set; }

    /// <summary>
    /// INSERT, MODIFY or REMOVE.
    /// </summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>
    /// The event version.
    /// </summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>
    /// aws:dynamodb.
    /// </summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>
    /// The table's region.
    /// </summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>
    /// The change.
    /// </summary>
    [JsonPropertyName("dynamodb")]
    [JsonRequired]
    public required DynamoDbStreamRecord DynamoDb { get; set; }

    /// <summary>
    /// The stream ARN.
    /// </summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>
    /// Who made the change, for TTL deletions.
    /// </summary>
    [JsonPropertyName("userIdentity")]
    public DynamoDbUserIdentity? UserIdentity { get; set; }

    /// <summary>The kind of change named by <see cref="EventName"/>.</summary>
    [JsonIgnore]
    public DynamoDbChange Change => EventName switch
    {
        "INSERT" => DynamoDbChange.Insert,
        "MODIFY" => DynamoDbChange.Modify,
        "REMOVE" => DynamoDbChange.Remove,
        _ => DynamoDbChange.Unknown,
    };
}
