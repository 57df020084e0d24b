namespace Lambda.Toolkit.Events.Config;

/// <summary>The <c>messageType</c> values of a Config rule's invoking event, one per <see cref="ConfigInvokingEvent"/> type.</summary>
public static class ConfigMessageType
{
    /// <summary>A resource in the rule's scope changed: <see cref="Config.ConfigurationItemChangeNotification"/>.</summary>
    public const string ConfigurationItemChangeNotification = "ConfigurationItemChangeNotification";

    /// <summary>A resource changed and its configuration item was too large to send: <see cref="Config.OversizedConfigurationItemChangeNotification"/>.</summary>
    public const string OversizedConfigurationItemChangeNotification = "OversizedConfigurationItemChangeNotification";

    /// <summary>A periodic rule's time came: <see cref="Config.ScheduledNotification"/>.</summary>
    public const string ScheduledNotification = "ScheduledNotification";

    /// <summary>A periodic rule ran because Config delivered a configuration snapshot: <see cref="Config.ConfigurationSnapshotDeliveryCompleted"/>.</summary>
    public const string ConfigurationSnapshotDeliveryCompleted = "ConfigurationSnapshotDeliveryCompleted";
}
