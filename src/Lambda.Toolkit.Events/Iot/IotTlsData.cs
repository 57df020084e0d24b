using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>The TLS data of an IoT Core connection.</summary>
public sealed class IotTlsData
{
    /// <summary>The server name indication (SNI) host name.</summary>
    [JsonPropertyName("serverName")]
    public string? ServerName { get; set; }
}
