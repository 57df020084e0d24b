using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>The data of each protocol of an IoT Core connection.</summary>
public sealed class IotProtocolData
{
    /// <summary>TLS data.</summary>
    [JsonPropertyName("tls")]
    public IotTlsData? Tls { get; set; }

    /// <summary>HTTP data (connections over HTTP or WebSockets).</summary>
    [JsonPropertyName("http")]
    public IotHttpData? Http { get; set; }

    /// <summary>MQTT CONNECT data.</summary>
    [JsonPropertyName("mqtt")]
    public IotMqttData? Mqtt { get; set; }
}
