using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Alb;

/// <summary>
/// The request context of an Application Load Balancer event.
/// </summary>
public sealed class AlbRequestContext
{
    /// <summary>
    /// The load balancer.
    /// </summary>
    [JsonPropertyName("elb")]
    [JsonRequired]
    public required AlbElbContext Elb { get; set; }
}
