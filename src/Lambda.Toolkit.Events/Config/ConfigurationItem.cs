using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// A resource's configuration item: its identity and state with the common fields typed, and its service-specific
/// <see cref="Configuration"/> and <see cref="SupplementaryConfiguration"/> kept as JSON (their shape depends on the
/// resource type). Fields this model does not name are kept in <see cref="ExtensionData"/>.
/// </summary>
public sealed class ConfigurationItem
{
    /// <summary>The configuration item format's version.</summary>
    [JsonPropertyName("configurationItemVersion")]
    public string? ConfigurationItemVersion { get; set; }

    /// <summary>When Config captured the item, ISO 8601 as Config wrote it; the evaluation's ordering timestamp.</summary>
    [JsonPropertyName("configurationItemCaptureTime")]
    public string? ConfigurationItemCaptureTime { get; set; }

    /// <summary>The order of this item among the resource's items, a number on the wire.</summary>
    [JsonPropertyName("configurationStateId")]
    public long? ConfigurationStateId { get; set; }

    /// <summary>The account that owns the resource.</summary>
    [JsonPropertyName("awsAccountId")]
    public string? AwsAccountId { get; set; }

    /// <summary>The item's status (see <see cref="Config.ConfigurationItemStatus"/>).</summary>
    [JsonPropertyName("configurationItemStatus")]
    public string? ConfigurationItemStatus { get; set; }

    /// <summary>The resource's type, for example <c>AWS::EC2::Instance</c>; an evaluation's compliance resource type.</summary>
    [JsonPropertyName("resourceType")]
    public string? ResourceType { get; set; }

    /// <summary>The resource's id, for example <c>i-0123456789abcdef0</c>; an evaluation's compliance resource id.</summary>
    [JsonPropertyName("resourceId")]
    public string? ResourceId { get; set; }

    /// <summary>The resource's name, when it has one.</summary>
    [JsonPropertyName("resourceName")]
    public string? ResourceName { get; set; }

    /// <summary>The resource's ARN.</summary>
    [JsonPropertyName("ARN")]
    public string? Arn { get; set; }

    /// <summary>The resource's region.</summary>
    [JsonPropertyName("awsRegion")]
    public string? AwsRegion { get; set; }

    /// <summary>The resource's availability zone, when it has one.</summary>
    [JsonPropertyName("availabilityZone")]
    public string? AvailabilityZone { get; set; }

    /// <summary>The MD5 of the item's state.</summary>
    [JsonPropertyName("configurationStateMd5Hash")]
    public string? ConfigurationStateMd5Hash { get; set; }

    /// <summary>When the resource was created, when known.</summary>
    [JsonPropertyName("resourceCreationTime")]
    public string? ResourceCreationTime { get; set; }

    /// <summary>The resource's tags.</summary>
    [JsonPropertyName("tags")]
    public IDictionary<string, string>? Tags { get; set; }

    /// <summary>The CloudTrail event ids of the calls that changed the resource.</summary>
    [JsonPropertyName("relatedEvents")]
    public IList<string>? RelatedEvents { get; set; }

    /// <summary>The resources this one is related to.</summary>
    [JsonPropertyName("relationships")]
    public IList<ConfigRelationship>? Relationships { get; set; }

    /// <summary>The resource type's own configuration, as JSON (its shape depends on <see cref="ResourceType"/>).</summary>
    [JsonPropertyName("configuration")]
    public JsonElement? Configuration { get; set; }

    /// <summary>Configuration Config records beside <see cref="Configuration"/> for some resource types, as JSON.</summary>
    [JsonPropertyName("supplementaryConfiguration")]
    public JsonElement? SupplementaryConfiguration { get; set; }

    /// <summary>Fields of the item this model does not name, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
