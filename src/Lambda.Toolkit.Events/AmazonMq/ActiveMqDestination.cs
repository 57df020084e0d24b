using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AmazonMq;

/// <summary>
/// The queue an ActiveMQ message was sent to. Lambda's documentation spells the field <c>physicalName</c>; some AWS
/// samples spell it <c>physicalname</c>. Both are read, and the spelling read is the one written back.
/// </summary>
[JsonConverter(typeof(ActiveMqDestinationConverter))]
public sealed class ActiveMqDestination
{
    /// <summary>The queue's name.</summary>
    [JsonPropertyName("physicalName")]
    public string? PhysicalName { get; set; }

    /// <summary>The property name the value came under, so that it is written back the same way; <c>physicalName</c> unless read otherwise.</summary>
    internal string WireName { get; set; } = ActiveMqDestinationConverter.PhysicalName;
}
