using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>The MQTT CONNECT data of an IoT Core connection.</summary>
public sealed class IotMqttData
{
    /// <summary>The MQTT user name.</summary>
    [JsonPropertyName("username")]
    public string? Username { get; set; }

    /// <summary>The MQTT password, base64-encoded; <see cref="DecodePassword"/> decodes it.</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>The MQTT client id, when the device sent one.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }

    /// <summary>The password's bytes.</summary>
    /// <returns>The decoded password; empty when there is none.</returns>
    /// <exception cref="EventDeserializationException">The password is not base64.</exception>
    public byte[] DecodePassword()
    {
        if (string.IsNullOrEmpty(Password))
        {
            return [];
        }

        try
        {
            return Convert.FromBase64String(Password);
        }
        catch (FormatException ex)
        {
            throw new EventDeserializationException(typeof(IotMqttData), "$.protocolData.mqtt.password", "the MQTT password is not valid base64", ex);
        }
    }
}
