using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>An IAM policy document, as Lambda authorizers of API Gateway and IoT Core return it.</summary>
public sealed class IamPolicyDocument
{
    /// <summary>The policy language version; <c>2012-10-17</c>.</summary>
    [JsonPropertyName("Version")]
    public string? Version { get; set; }

    /// <summary>The statements.</summary>
    [JsonPropertyName("Statement")]
    public IList<IamPolicyStatement>? Statement { get; set; }
}
