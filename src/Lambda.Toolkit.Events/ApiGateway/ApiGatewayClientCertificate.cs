using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.ApiGateway;

/// <summary>
/// A mutual-TLS client certificate presented to API Gateway.
/// </summary>
public sealed class ApiGatewayClientCertificate
{
    /// <summary>
    /// The certificate in PEM form.
    /// </summary>
    [JsonPropertyName("clientCertPem")]
    public string? ClientCertPem { get; set; }

    /// <summary>
    /// The subject distinguished name.
    /// </summary>
    [JsonPropertyName("subjectDN")]
    public string? SubjectDN { get; set; }

    /// <summary>
    /// The issuer distinguished name.
    /// </summary>
    [JsonPropertyName("issuerDN")]
    public string? IssuerDN { get; set; }

    /// <summary>
    /// The serial number.
    /// </summary>
    [JsonPropertyName("serialNumber")]
    public string? SerialNumber { get; set; }

    /// <summary>
    /// The validity period.
    /// </summary>
    [JsonPropertyName("validity")]
    public ApiGatewayClientCertificateValidity? Validity { get; set; }
}
