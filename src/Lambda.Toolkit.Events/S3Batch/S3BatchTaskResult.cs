using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3Batch;

/// <summary>One result of an <see cref="S3BatchResponse"/>.</summary>
public sealed class S3BatchTaskResult
{
    /// <summary>The id of the task this answers.</summary>
    [JsonPropertyName("taskId")]
    [JsonRequired]
    public required string TaskId { get; set; }

    /// <summary>How the task ended.</summary>
    [JsonPropertyName("resultCode")]
    [JsonRequired]
    public required S3BatchResultCode ResultCode { get; set; }

    /// <summary>A message S3 writes into the job's completion report.</summary>
    [JsonPropertyName("resultString")]
    public string? ResultString { get; set; }
}
