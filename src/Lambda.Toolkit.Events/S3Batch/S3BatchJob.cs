using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3Batch;

/// <summary>The S3 Batch Operations job of an <see cref="S3BatchEvent"/>.</summary>
public sealed class S3BatchJob
{
    /// <summary>The job's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The key-value pairs the job was created with (schema <c>2.0</c> only; absent in <c>1.0</c>).</summary>
    [JsonPropertyName("userArguments")]
    public Dictionary<string, string>? UserArguments { get; set; }
}
