using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>An artifact's S3 object (a zip file).</summary>
public sealed class CodePipelineS3Location
{
    /// <summary>The artifact bucket.</summary>
    [JsonPropertyName("bucketName")]
    public string? BucketName { get; set; }

    /// <summary>The object's key.</summary>
    [JsonPropertyName("objectKey")]
    public string? ObjectKey { get; set; }
}
