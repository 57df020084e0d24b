using System.Net;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3Batch;

/// <summary>One task of an <see cref="S3BatchEvent"/>: an object to act on.</summary>
public sealed class S3BatchTask
{
    /// <summary>The task's id; the response answers it exactly once.</summary>
    [JsonPropertyName("taskId")]
    [JsonRequired]
    public required string TaskId { get; set; }

    /// <summary>The object key, URL-encoded as S3 Batch Operations sends it (a space arrives as "+"); use <see cref="DecodedKey"/> for the real key.</summary>
    [JsonPropertyName("s3Key")]
    public string? S3Key { get; set; }

    /// <summary>The object's version id, when the manifest names one.</summary>
    [JsonPropertyName("s3VersionId")]
    public string? S3VersionId { get; set; }

    /// <summary>The bucket's ARN (schema <c>1.0</c>).</summary>
    [JsonPropertyName("s3BucketArn")]
    public string? S3BucketArn { get; set; }

    /// <summary>The bucket's name (schema <c>2.0</c>, which directory buckets require).</summary>
    [JsonPropertyName("s3Bucket")]
    public string? S3Bucket { get; set; }

    /// <summary>
    /// The object key decoded: "+" becomes a space and %XX escapes their characters ("%2B" stays a plus sign);
    /// <see langword="null"/> when the task has no key. Computed, never written to JSON.
    /// </summary>
    [JsonIgnore]
    public string? DecodedKey => S3Key is null ? null : WebUtility.UrlDecode(S3Key);

    /// <summary>
    /// The bucket's name whichever schema named it: <see cref="S3Bucket"/>, else the last segment of
    /// <see cref="S3BucketArn"/> (<c>arn:aws:s3:::name</c>); <see langword="null"/> when the task has neither.
    /// Computed, never written to JSON.
    /// </summary>
    [JsonIgnore]
    public string? BucketName => S3Bucket ?? BucketNameFromArn(S3BucketArn);

    private static string? BucketNameFromArn(string? arn)
    {
        if (string.IsNullOrEmpty(arn))
        {
            return null;
        }

        var name = arn[(arn.LastIndexOf(':') + 1)..];
        return name.Length == 0 ? null : name;
    }
}
