using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.ApiGateway;

/// <summary>
/// The validity period of a mutual-TLS client certificate.
/// </summary>
public sealed class ApiGatewayClientCertificateValidity
{
    /// <summary>
    /// The start of the validity period, as API Gateway formats it.
    /// </summary>
    [JsonPropertyName("notBefore")]
    public string? NotBefore { get; set; }

    /// <summary>
    /// The end of the validity period, as API Gateway formats it.
    /// </summary>
    [JsonPropertyName("notAfter")]
    public string? NotAfter { get; set; }
}
