using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CloudFormation;

/// <summary>
/// The answer to a <see cref="CloudFormationCustomResourceRequest"/>, uploaded as JSON to the request's
/// <see cref="CloudFormationCustomResourceRequest.ResponseUrl"/>. CloudFormation accepts at most 4,096 bytes.
/// </summary>
public sealed class CloudFormationCustomResourceResponse
{
    /// <summary><c>SUCCESS</c> or <c>FAILED</c> (see <see cref="CloudFormationResponseStatus"/>).</summary>
    [JsonPropertyName("Status")]
    public string? Status { get; set; }

    /// <summary>Why the request failed; CloudFormation shows it in the stack's events. Required with <c>FAILED</c>.</summary>
    [JsonPropertyName("Reason")]
    public string? Reason { get; set; }

    /// <summary>The resource's physical id; never empty. A different id on <c>Update</c> replaces the resource.</summary>
    [JsonPropertyName("PhysicalResourceId")]
    public string? PhysicalResourceId { get; set; }

    /// <summary>The request's stack ARN, echoed.</summary>
    [JsonPropertyName("StackId")]
    public string? StackId { get; set; }

    /// <summary>The request's id, echoed.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }

    /// <summary>The request's logical resource id, echoed.</summary>
    [JsonPropertyName("LogicalResourceId")]
    public string? LogicalResourceId { get; set; }

    /// <summary>Whether CloudFormation masks <see cref="Data"/> when it shows the resource (for secrets).</summary>
    [JsonPropertyName("NoEcho")]
    public bool? NoEcho { get; set; }

    /// <summary>Name-value pairs the template reads with <c>Fn::GetAtt</c>; a JSON object.</summary>
    [JsonPropertyName("Data")]
    public JsonElement? Data { get; set; }
}
