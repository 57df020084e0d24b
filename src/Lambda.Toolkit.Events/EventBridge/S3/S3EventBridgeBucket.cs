using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.EventBridge.S3;

/// <summary>The bucket of an S3 notification sent through EventBridge (the <c>detail.bucket</c> object).</summary>
public sealed class S3EventBridgeBucket
{
    /// <summary>The bucket's name.</summary>
    [JsonPropertyName("name")]
    [JsonRequired]
    public required string Name { get; set; }

    /// <summary>Tags AWS put on the bucket (for example the CloudFormation stack that made it), when S3 sends them.</summary>
    [JsonPropertyName("aws-generated-tags")]
    public Dictionary<string, string>? AwsGeneratedTags { get; set; }
}
