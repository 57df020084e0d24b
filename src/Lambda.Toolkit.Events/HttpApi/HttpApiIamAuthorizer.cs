using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.HttpApi;

/// <summary>
/// The IAM identity of a caller that signed the request with SigV4.
/// </summary>
public sealed class HttpApiIamAuthorizer
{
    /// <summary>
    /// The access key used.
    /// </summary>
    [JsonPropertyName("accessKey")]
    public string? AccessKey { get; set; }

    /// <summary>
    /// The caller's account id.
    /// </summary>
    [JsonPropertyName("accountId")]
    public string? AccountId { get; set; }

    /// <summary>
    /// The caller id.
    /// </summary>
    [JsonPropertyName("callerId")]
    public string? CallerId { get; set; }

    /// <summary>
    /// The Cognito identity, when the credentials came from Cognito.
    /// </summary>
    [JsonPropertyName("cognitoIdentity")]
    public HttpApiCognitoIdentity? CognitoIdentity { get; set; }

    /// <summary>
    /// The principal's AWS organization id.
    /// </summary>
    [JsonPropertyName("principalOrgId")]
    public string? PrincipalOrgId { get; set; }

    /// <summary>
    /// The caller's ARN.
    /// </summary>
    [JsonPropertyName("userArn")]
    public string? UserArn { get; set; }

    /// <summary>
    /// The caller's user id.
    /// </summary>
    [JsonPropertyName("userId")]
    public string? UserId { get; set; }
}
