using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>What changed between a resource's previous configuration item and this one.</summary>
public sealed class ConfigurationItemDiff
{
    /// <summary>How the resource changed: <c>CREATE</c>, <c>UPDATE</c> or <c>DELETE</c>.</summary>
    [JsonPropertyName("changeType")]
    public string? ChangeType { get; set; }

    /// <summary>The changed properties, by their path in the item (for example <c>Configuration.State.Name</c>).</summary>
    [JsonPropertyName("changedProperties")]
    public IDictionary<string, ConfigPropertyChange>? ChangedProperties { get; set; }
}
