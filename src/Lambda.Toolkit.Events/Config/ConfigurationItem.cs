using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// A resource's configuration item: its identity and state with the common fields typed, and its service-specific
/// <see cref="Configuration"/> and <see cref="SupplementaryConfiguration"/> kept as JSON (their shape depends on the
/// resource type). Its identity and state are the fields of <see cref="ConfigurationItemSummary"/>, which an oversized
/// item's notification carries alone; fields this model does not name are kept in
/// <see cref="ConfigurationItemSummary.ExtensionData"/>.
/// </summary>
public sealed class ConfigurationItem : ConfigurationItemSummary
{
    /// <summary>The resource's tags.</summary>
    [JsonPropertyName("tags")]
    public IDictionary<string, string>? Tags { get; set; }

    /// <summary>The CloudTrail event ids of the calls that changed the resource.</summary>
    [JsonPropertyName("relatedEvents")]
    public IList<string>? RelatedEvents { get; set; }

    /// <summary>The resources this one is related to.</summary>
    [JsonPropertyName("relationships")]
    public IList<ConfigRelationship>? Relationships { get; set; }

    /// <summary>The resource type's own configuration, as JSON (its shape depends on <see cref="ConfigurationItemSummary.ResourceType"/>).</summary>
    [JsonPropertyName("configuration")]
    public JsonElement? Configuration { get; set; }

    /// <summary>Configuration Config records beside <see cref="Configuration"/> for some resource types, as JSON.</summary>
    [JsonPropertyName("supplementaryConfiguration")]
    public JsonElement? SupplementaryConfiguration { get; set; }
}
