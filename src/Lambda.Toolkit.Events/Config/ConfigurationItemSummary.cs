using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>
/// A resource's identity and state in a configuration item: all an oversized item's notification carries, and the
/// common part of every <see cref="ConfigurationItem"/>, so code that needs only these reads either as this type.
/// </summary>
public class ConfigurationItemSummary
{
    /// <summary>How the resource changed: <c>CREATE</c>, <c>UPDATE</c> or <c>DELETE</c> (in an oversized item's summary; a full item says it in its diff).</summary>
    [JsonPropertyName("changeType")]
    public string? ChangeType { get; set; }

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

    /// <summary>The resource's type; an evaluation's compliance resource type.</summary>
    [JsonPropertyName("resourceType")]
    public string? ResourceType { get; set; }

    /// <summary>The resource's id; an evaluation's compliance resource id.</summary>
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

    /// <summary>Fields of the item this model does not name, kept as sent.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}
