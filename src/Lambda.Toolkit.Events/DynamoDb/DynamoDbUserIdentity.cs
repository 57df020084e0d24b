using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.DynamoDb;

/// <summary>
/// Who made a change: DynamoDB itself for TTL deletions.
/// </summary>
public sealed class DynamoDbUserIdentity
{
    /// <summary>
    /// Service.
    /// </summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>
    /// dynamodb.amazonaws.com for TTL deletions.
    /// </summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }
}
