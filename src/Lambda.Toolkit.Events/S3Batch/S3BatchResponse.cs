using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3Batch;

/// <summary>The answer to an <see cref="S3BatchEvent"/>: the request's schema version and invocation id, and one result per task.</summary>
public sealed class S3BatchResponse
{
    /// <summary>The request's <see cref="S3BatchEvent.InvocationSchemaVersion"/>, echoed.</summary>
    [JsonPropertyName("invocationSchemaVersion")]
    [JsonRequired]
    public required string InvocationSchemaVersion { get; set; }

    /// <summary>How S3 counts a task the response has no result for.</summary>
    [JsonPropertyName("treatMissingKeysAs")]
    public S3BatchResultCode? TreatMissingKeysAs { get; set; }

    /// <summary>The request's <see cref="S3BatchEvent.InvocationId"/>, echoed.</summary>
    [JsonPropertyName("invocationId")]
    [JsonRequired]
    public required string InvocationId { get; set; }

    /// <summary>The tasks' results.</summary>
    [JsonPropertyName("results")]
    [JsonRequired]
    public required IList<S3BatchTaskResult> Results { get; set; }
}
