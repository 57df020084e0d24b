using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3;

/// <summary>
/// The request that caused an S3 notification.
/// </summary>
public sealed class S3RequestParameters
{
    /// <summary>
    /// The IP address the request came from.
    /// </summary>
    [JsonPropertyName("sourceIPAddress")]
    public string? SourceIpAddress { get; set; }
}
