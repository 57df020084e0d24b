using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CloudWatchLogs;

/// <summary>
/// The decoded payload of a <see cref="CloudWatchLogsEvent"/>: the log events one subscription filter matched,
/// or a control message CloudWatch Logs sends to check that the destination is reachable.
/// </summary>
public sealed class CloudWatchLogsData
{
    /// <summary><c>messageType</c> of a payload that carries log events.</summary>
    public const string DataMessage = "DATA_MESSAGE";

    /// <summary><c>messageType</c> of a reachability check: it carries no log events to handle.</summary>
    public const string ControlMessage = "CONTROL_MESSAGE";

    /// <summary><see cref="DataMessage"/> or <see cref="ControlMessage"/>.</summary>
    [JsonPropertyName("messageType")]
    [JsonRequired]
    public required string MessageType { get; set; }

    /// <summary>The AWS account id of the log group.</summary>
    [JsonPropertyName("owner")]
    public string? Owner { get; set; }

    /// <summary>The log group's name.</summary>
    [JsonPropertyName("logGroup")]
    public string? LogGroup { get; set; }

    /// <summary>The log stream's name.</summary>
    [JsonPropertyName("logStream")]
    public string? LogStream { get; set; }

    /// <summary>The subscription filters that matched.</summary>
    [JsonPropertyName("subscriptionFilters")]
    public IList<string>? SubscriptionFilters { get; set; }

    /// <summary>The log events; empty for a control message.</summary>
    [JsonPropertyName("logEvents")]
    public IList<CloudWatchLogEvent>? LogEvents { get; set; }

    /// <summary>The level of the subscription policy (for example <c>ACCOUNT_LEVEL_POLICY</c>), when CloudWatch Logs sends one.</summary>
    [JsonPropertyName("policyLevel")]
    public string? PolicyLevel { get; set; }

    /// <summary>Whether this is a <see cref="ControlMessage"/>, which carries nothing to handle.</summary>
    [JsonIgnore]
    public bool IsControlMessage => string.Equals(MessageType, ControlMessage, StringComparison.Ordinal);
}
