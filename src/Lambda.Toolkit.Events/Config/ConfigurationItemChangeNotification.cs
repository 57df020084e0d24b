using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>A resource in the rule's scope changed (<see cref="ConfigMessageType.ConfigurationItemChangeNotification"/>): its new configuration item, and what changed.</summary>
public sealed class ConfigurationItemChangeNotification : ConfigInvokingEvent
{
    /// <summary>The resource's configuration item after the change.</summary>
    [JsonPropertyName("configurationItem")]
    [JsonRequired]
    public required ConfigurationItem ConfigurationItem { get; set; }

    /// <summary>What changed, when Config sends it.</summary>
    [JsonPropertyName("configurationItemDiff")]
    public ConfigurationItemDiff? ConfigurationItemDiff { get; set; }
}
