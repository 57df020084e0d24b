using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>The answer of an IoT Core custom authorizer.</summary>
public sealed class IotCustomAuthorizerResponse
{
    /// <summary>Whether the device is authenticated; <see langword="false"/> refuses the connection.</summary>
    [JsonPropertyName("isAuthenticated")]
    public bool IsAuthenticated { get; set; }

    /// <summary>Who the device is: 1 to 128 letters and digits.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalId { get; set; }

    /// <summary>How many seconds the connection may last (IoT Core accepts 300 to 86,400).</summary>
    [JsonPropertyName("disconnectAfterInSeconds")]
    public int? DisconnectAfterInSeconds { get; set; }

    /// <summary>After how many seconds IoT Core asks the authorizer again (300 to 86,400).</summary>
    [JsonPropertyName("refreshAfterInSeconds")]
    public int? RefreshAfterInSeconds { get; set; }

    /// <summary>The IoT Core policies that apply to the connection.</summary>
    [JsonPropertyName("policyDocuments")]
    public IList<IotPolicyDocument>? PolicyDocuments { get; set; }
}
