using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>About an IoT Core connection.</summary>
public sealed class IotConnectionMetadata
{
    /// <summary>The connection's id, for logs.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}
