using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>A resource a <see cref="ConfigurationItem"/> is related to.</summary>
public sealed class ConfigRelationship
{
    /// <summary>The related resource's id.</summary>
    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; set; }

    /// <summary>The related resource's name, when it has one.</summary>
    [JsonPropertyName("resourceName")]
    public string? ResourceName { get; set; }

    /// <summary>The related resource's type.</summary>
    [JsonPropertyName("resourceType")]
    public string? ResourceType { get; set; }

    /// <summary>The relationship, for example <c>Is attached to ElasticIp</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Fields of the relationship this model does not name, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
