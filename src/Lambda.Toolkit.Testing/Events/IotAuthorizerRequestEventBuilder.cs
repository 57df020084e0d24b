using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Iot;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds the event AWS IoT Core sends a custom authorizer when a device connects: the token, whether its signature
/// was verified, and the data of the connection's protocols (TLS server name, MQTT user name, base64 password and
/// client id, or HTTP headers and query string), with a random connection id.
/// </summary>
/// <example>
/// <code>
/// var json = new IotAuthorizerRequestEventBuilder("aToken").OverMqtt("device-1", "user", "secret").ToJson();
/// </code>
/// </example>
public sealed class IotAuthorizerRequestEventBuilder
{
    private readonly string _token;
    private bool _signatureVerified;
    private string _serverName = $"example-ats.iot.{EventDefaults.Region}.amazonaws.com";
    private IotMqttData? _mqtt;
    private IotHttpData? _http;

    /// <summary>Starts an event for a TLS connection.</summary>
    /// <param name="token">The token the device sent.</param>
    public IotAuthorizerRequestEventBuilder(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        _token = token;
    }

    /// <summary>Marks the token's signature as verified by IoT Core. Default: not verified (signing disabled).</summary>
    /// <returns>This builder.</returns>
    public IotAuthorizerRequestEventBuilder WithVerifiedSignature()
    {
        _signatureVerified = true;
        return this;
    }

    /// <summary>Sets the TLS server name (SNI). Default: an IoT Core data endpoint.</summary>
    /// <param name="serverName">The host name.</param>
    /// <returns>This builder.</returns>
    public IotAuthorizerRequestEventBuilder WithServerName(string serverName)
    {
        ArgumentException.ThrowIfNullOrEmpty(serverName);
        _serverName = serverName;
        return this;
    }

    /// <summary>Makes it an MQTT connection with these CONNECT fields; the password is base64-encoded as IoT Core sends it.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="username">The user name.</param>
    /// <param name="password">The password, as text.</param>
    /// <returns>This builder.</returns>
    public IotAuthorizerRequestEventBuilder OverMqtt(string clientId, string? username = null, string? password = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(clientId);
        _mqtt = new IotMqttData { ClientId = clientId, Username = username, Password = password is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes(password)) };
        return this;
    }

    /// <summary>Makes it an HTTP connection with these headers and query string.</summary>
    /// <param name="headers">The headers.</param>
    /// <param name="queryString">The query string, with its leading <c>?</c>; none by default.</param>
    /// <returns>This builder.</returns>
    public IotAuthorizerRequestEventBuilder OverHttp(IReadOnlyDictionary<string, string> headers, string? queryString = null)
    {
        ArgumentNullException.ThrowIfNull(headers);
        _http = new IotHttpData { Headers = new Dictionary<string, string>(headers, StringComparer.Ordinal), QueryString = queryString };
        return this;
    }

    /// <summary>Builds the event.</summary>
    /// <returns>A new event.</returns>
    public IotCustomAuthorizerRequest Build()
    {
        var protocols = new List<string> { "tls" };
        if (_http is not null)
        {
            protocols.Add("http");
        }

        if (_mqtt is not null)
        {
            protocols.Add("mqtt");
        }

        return new IotCustomAuthorizerRequest
        {
            Token = _token,
            SignatureVerified = _signatureVerified,
            Protocols = protocols,
            ProtocolData = new IotProtocolData { Tls = new IotTlsData { ServerName = _serverName }, Http = _http, Mqtt = _mqtt },
            ConnectionMetadata = new IotConnectionMetadata { Id = EventIds.Uuid() },
        };
    }

    /// <summary>Builds the event and serializes it with <see cref="IotJsonContext"/>.</summary>
    /// <returns>UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), IotJsonContext.Default.IotCustomAuthorizerRequest);
}
