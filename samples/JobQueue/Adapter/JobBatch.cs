using System.Text.Json;
using System.Text.Json.Serialization;

namespace JobQueue.Adapter;

/// <summary>A batch of jobs as the dispatcher sends it: <c>{"source":…,"queue":…,"jobs":[{"jobId":…,"attempt":…,"payload":{…}}]}</c>.</summary>
public sealed class JobBatch
{
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("queue")]
    public string? Queue { get; set; }

    [JsonPropertyName("jobs")]
    public required List<Job> Jobs { get; set; }
}

/// <summary>One job: its id (reported back when it fails), how often it was tried, and its payload.</summary>
public sealed class Job
{
    [JsonPropertyName("jobId")]
    public required string JobId { get; set; }

    [JsonPropertyName("attempt")]
    public int Attempt { get; set; } = 1;

    [JsonPropertyName("payload")]
    public JsonElement Payload { get; set; }
}

/// <summary>The answer: exactly the jobs that failed, so the dispatcher retries only those.</summary>
public sealed class JobBatchResult
{
    [JsonPropertyName("failedJobIds")]
    public List<string> FailedJobIds { get; set; } = [];
}

[JsonSerializable(typeof(JobBatch))]
[JsonSerializable(typeof(JobBatchResult))]
internal sealed partial class JobQueueJsonContext : JsonSerializerContext;
