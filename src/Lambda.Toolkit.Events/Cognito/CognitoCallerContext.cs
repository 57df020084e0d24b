using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Cognito;

/// <summary>Who called Amazon Cognito: the SDK version and the app client.</summary>
public sealed class CognitoCallerContext
{
    /// <summary>The version of the AWS SDK that made the request.</summary>
    [JsonPropertyName("awsSdkVersion")]
    public string? AwsSdkVersion { get; set; }

    /// <summary>The app client's id.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }
}
