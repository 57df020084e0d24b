using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodeCommit;

/// <summary>One repository event: the trigger that fired, the repository, who pushed and the references that changed.</summary>
public sealed class CodeCommitRecord
{
    /// <summary>The event's id.</summary>
    [JsonPropertyName("eventId")]
    public string? EventId { get; set; }

    /// <summary>The event's version, <c>1.0</c>.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>When the event happened, ISO 8601 as sent.</summary>
    [JsonPropertyName("eventTime")]
    public string? EventTime { get; set; }

    /// <summary>The trigger's name, as configured on the repository.</summary>
    [JsonPropertyName("eventTriggerName")]
    public string? EventTriggerName { get; set; }

    /// <summary>The trigger's configuration id.</summary>
    [JsonPropertyName("eventTriggerConfigId")]
    public string? EventTriggerConfigId { get; set; }

    /// <summary>This record's part number, from 1, when one push is split into several events.</summary>
    [JsonPropertyName("eventPartNumber")]
    public int? EventPartNumber { get; set; }

    /// <summary>How many parts the push was split into.</summary>
    [JsonPropertyName("eventTotalParts")]
    public int? EventTotalParts { get; set; }

    /// <summary>The event's name (<c>TriggerEventTest</c> for a test run from the console; the trigger's events otherwise).</summary>
    [JsonPropertyName("eventName")]
    public string? EventName { get; set; }

    /// <summary>Always <c>aws:codecommit</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The repository's ARN.</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>The region of the repository.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>The ARN of the user or role that pushed.</summary>
    [JsonPropertyName("userIdentityARN")]
    public string? UserIdentityArn { get; set; }

    /// <summary>The trigger's custom data, as configured; absent when none is.</summary>
    [JsonPropertyName("customData")]
    public string? CustomData { get; set; }

    /// <summary>The references that changed.</summary>
    [JsonPropertyName("codecommit")]
    public CodeCommitData? CodeCommit { get; set; }
}
