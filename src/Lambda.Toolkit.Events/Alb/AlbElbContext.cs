using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Alb;

/// <summary>
/// The load balancer that sent the request.
/// </summary>
public sealed class AlbElbContext
{
    /// <summary>
    /// The ARN of the target group.
    /// </summary>
    [JsonPropertyName("targetGroupArn")]
    [JsonRequired]
    public required string TargetGroupArn { get; set; }
}
