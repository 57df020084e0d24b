using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>A periodic rule's time came (<see cref="ConfigMessageType.ScheduledNotification"/>): no resource comes with it; the rule looks resources up itself.</summary>
public sealed class ScheduledNotification : ConfigInvokingEvent
{
    /// <summary>The account being evaluated.</summary>
    [JsonPropertyName("awsAccountId")]
    public string? AwsAccountId { get; set; }
}
