using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>One changed property of a <see cref="ConfigurationItemDiff"/>; its values are kept as JSON.</summary>
public sealed class ConfigPropertyChange
{
    /// <summary>The value before the change, absent for a created property.</summary>
    [JsonPropertyName("previousValue")]
    public JsonElement? PreviousValue { get; set; }

    /// <summary>The value after the change, absent for a deleted property.</summary>
    [JsonPropertyName("updatedValue")]
    public JsonElement? UpdatedValue { get; set; }

    /// <summary><c>CREATE</c>, <c>UPDATE</c> or <c>DELETE</c>.</summary>
    [JsonPropertyName("changeType")]
    public string? ChangeType { get; set; }
}
