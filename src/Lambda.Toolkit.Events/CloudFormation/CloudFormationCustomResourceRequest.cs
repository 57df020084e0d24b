using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CloudFormation;

/// <summary>
/// A CloudFormation custom resource request: CloudFormation invokes the function (asynchronously) when a stack
/// creates, updates or deletes a resource of type <c>Custom::*</c> or <c>AWS::CloudFormation::CustomResource</c>,
/// and waits for a <see cref="CloudFormationCustomResourceResponse"/> uploaded to <see cref="ResponseUrl"/>.
/// The function's own return value is ignored.
/// </summary>
public sealed class CloudFormationCustomResourceRequest
{
    /// <summary>What CloudFormation asks for: <c>Create</c>, <c>Update</c> or <c>Delete</c> (see <see cref="CloudFormationRequestTypes"/>).</summary>
    [JsonPropertyName("RequestType")]
    public string? RequestType { get; set; }

    /// <summary>The pre-signed S3 URL the response is uploaded to with an HTTP <c>PUT</c>.</summary>
    [JsonPropertyName("ResponseURL")]
    public string? ResponseUrl { get; set; }

    /// <summary>The ARN of the stack that holds the resource.</summary>
    [JsonPropertyName("StackId")]
    public string? StackId { get; set; }

    /// <summary>The request's unique id; the response echoes it.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }

    /// <summary>The resource type from the template, for example <c>Custom::TestResource</c>.</summary>
    [JsonPropertyName("ResourceType")]
    public string? ResourceType { get; set; }

    /// <summary>The resource's logical id in the template.</summary>
    [JsonPropertyName("LogicalResourceId")]
    public string? LogicalResourceId { get; set; }

    /// <summary>The physical id the function gave the resource; sent with <c>Update</c> and <c>Delete</c> only.</summary>
    [JsonPropertyName("PhysicalResourceId")]
    public string? PhysicalResourceId { get; set; }

    /// <summary>The ARN of the function (or SNS topic) the template named as the resource's service token.</summary>
    [JsonPropertyName("ServiceToken")]
    public string? ServiceToken { get; set; }

    /// <summary>The resource's properties from the template, as CloudFormation sends them (every scalar as a string); includes <c>ServiceToken</c>.</summary>
    [JsonPropertyName("ResourceProperties")]
    public JsonElement? ResourceProperties { get; set; }

    /// <summary>The properties before the update; sent with <c>Update</c> only.</summary>
    [JsonPropertyName("OldResourceProperties")]
    public JsonElement? OldResourceProperties { get; set; }
}
