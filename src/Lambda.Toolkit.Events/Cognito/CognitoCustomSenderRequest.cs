using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>The custom sender request.</summary>
public sealed class CognitoCustomSenderRequest
{
    /// <summary>The kind of message (<c>customEmailSenderRequestV1</c> or <c>customSMSSenderRequestV1</c>).</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The code or temporary password, encrypted: a base64 AWS Encryption SDK ciphertext under the KMS key configured for the trigger. Decrypt it with the AWS Encryption SDK for .NET (<c>AWS.Cryptography.EncryptionSDK</c>) and a KMS keyring for the key's ARN (typically in the function's <c>KEY_ARN</c> environment variable); the toolkit does not decrypt it. Never log it.</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>Values the app passed in the API call's <c>ClientMetadata</c>.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>The user's attributes, by name (for example <c>email</c>, <c>phone_number</c>, <c>custom:tenant</c>).</summary>
    [JsonPropertyName("userAttributes")]
    public Dictionary<string, string>? UserAttributes { get; set; }
}
