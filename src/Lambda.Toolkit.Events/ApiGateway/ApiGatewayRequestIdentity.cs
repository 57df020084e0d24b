using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.ApiGateway;

/// <summary>
/// Who called a REST or WebSocket API: the caller's IP, user agent, IAM and Cognito identity, API key and client
/// certificate.
/// </summary>
public sealed class ApiGatewayRequestIdentity
{
    /// <summary>
    /// The Cognito identity pool id.
    /// </summary>
    [JsonPropertyName("cognitoIdentityPoolId")]
    public string? CognitoIdentityPoolId { get; set; }

    /// <summary>
    /// The caller's AWS account id.
    /// </summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>
    /// The Cognito identity id.
    /// </summary>
    [JsonPropertyName("cognitoIdentityId")]
    public string? CognitoIdentityId { get; set; }

    /// <summary>
    /// The principal identifier of the caller.
    /// </summary>
    [JsonPropertyName("caller")]
    public string? Caller { get; set; }

    /// <summary>
    /// The API key used.
    /// </summary>
    [JsonPropertyName("apiKey")]
    public string? ApiKey { get; set; }

    /// <summary>
    /// The id of the API key used.
    /// </summary>
    [JsonPropertyName("apiKeyId")]
    public string? ApiKeyId { get; set; }

    /// <summary>
    /// The IAM access key used to sign the request.
    /// </summary>
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; set; }

    /// <summary>
    /// The source IP address of the TCP connection.
    /// </summary>
    [JsonPropertyName("sourceIp")]
    public string? SourceIp { get; set; }

    /// <summary>
    /// The Cognito authentication type.
    /// </summary>
    [JsonPropertyName("cognitoAuthenticationType")]
    public string? CognitoAuthenticationType { get; set; }

    /// <summary>
    /// The Cognito authentication provider.
    /// </summary>
    [JsonPropertyName("cognitoAuthenticationProvider")]
    public string? CognitoAuthenticationProvider { get; set; }

    /// <summary>
    /// The ARN of the effective user.
    /// </summary>
    [JsonPropertyName("userArn")]
    public string? UserArn { get; set; }

    /// <summary>
    /// The caller's User-Agent.
    /// </summary>
    [JsonPropertyName("userAgent")]
    public string? UserAgent { get; set; }

    /// <summary>
    /// The principal identifier of the user.
    /// </summary>
    [JsonPropertyName("user")]
    public string? User { get; set; }

    /// <summary>
    /// The AWS organization id of the principal.
    /// </summary>
    [JsonPropertyName("principalOrgId")]
    public string? PrincipalOrgId { get; set; }

    /// <summary>
    /// The mutual-TLS client certificate, when one was presented.
    /// </summary>
    [JsonPropertyName("clientCert")]
    public ApiGatewayClientCertificate? ClientCert { get; set; }
}
