using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// The parsed <c>invokingEvent</c> of a <see cref="ConfigRuleEvent"/>: one derived type per <see cref="ConfigMessageType"/>
/// (<see cref="ConfigurationItemChangeNotification"/>, <see cref="OversizedConfigurationItemChangeNotification"/>,
/// <see cref="ScheduledNotification"/>, <see cref="ConfigurationSnapshotDeliveryCompleted"/>); match on the type.
/// Made by <see cref="ConfigRuleEvent.ParseInvokingEvent"/>.
/// </summary>
public abstract class ConfigInvokingEvent
{
    /// <summary>The kind of notification (see <see cref="ConfigMessageType"/>).</summary>
    [JsonPropertyName("messageType")]
    [JsonRequired]
    public required string MessageType { get; set; }

    /// <summary>When Config created the notification, ISO 8601 as Config wrote it.</summary>
    [JsonPropertyName("notificationCreationTime")]
    public string? NotificationCreationTime { get; set; }

    /// <summary>The notification format's version, for example <c>1.3</c>.</summary>
    [JsonPropertyName("recordVersion")]
    public string? RecordVersion { get; set; }

    /// <summary>Fields of the notification this model does not name, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
