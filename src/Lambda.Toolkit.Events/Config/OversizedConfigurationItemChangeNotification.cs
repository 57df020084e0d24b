using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// A resource in the rule's scope changed, and its configuration item was too large to send
/// (<see cref="ConfigMessageType.OversizedConfigurationItemChangeNotification"/>): only a summary comes; read the
/// full item with Config's <c>GetResourceConfigHistory</c> if the rule needs it.
/// </summary>
public sealed class OversizedConfigurationItemChangeNotification : ConfigInvokingEvent
{
    /// <summary>The configuration item's summary: the resource's identity and state, without its configuration.</summary>
    [JsonPropertyName("configurationItemSummary")]
    [JsonRequired]
    public required ConfigurationItemSummary ConfigurationItemSummary { get; set; }
}
