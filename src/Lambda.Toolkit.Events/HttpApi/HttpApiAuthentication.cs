using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.HttpApi;

/// <summary>
/// The mutual-TLS authentication of an HTTP API request.
/// </summary>
public sealed class HttpApiAuthentication
{
    /// <summary>
    /// The client certificate.
    /// </summary>
    [JsonPropertyName("clientCert")]
    public Lambda.Toolkit.Events.ApiGateway.ApiGatewayClientCertificate? ClientCert { get; set; }
}
