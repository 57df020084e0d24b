using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>The event AWS IoT Core sends a custom authorizer when a device connects. Fields that do not apply to the connection are absent.</summary>
public sealed class IotCustomAuthorizerRequest
{
    /// <summary>The token the device sent (from the header, query parameter or MQTT user name the authorizer names).</summary>
    [JsonPropertyName("token")]
    public string? Token { get; set; }

    /// <summary>Whether IoT Core verified the token's signature (always <see langword="false"/> when signing is disabled).</summary>
    [JsonPropertyName("signatureVerified")]
    public bool? SignatureVerified { get; set; }

    /// <summary>The protocols of the connection: <c>tls</c>, <c>http</c>, <c>mqtt</c>.</summary>
    [JsonPropertyName("protocols")]
    public IList<string>? Protocols { get; set; }

    /// <summary>What each protocol carried.</summary>
    [JsonPropertyName("protocolData")]
    public IotProtocolData? ProtocolData { get; set; }

    /// <summary>About the connection itself.</summary>
    [JsonPropertyName("connectionMetadata")]
    public IotConnectionMetadata? ConnectionMetadata { get; set; }
}
