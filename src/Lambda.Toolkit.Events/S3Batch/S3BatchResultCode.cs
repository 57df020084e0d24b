using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.S3Batch;

/// <summary>How an S3 Batch Operations task ended; written as the member's name, exactly as S3 expects it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<S3BatchResultCode>))]
public enum S3BatchResultCode
{
    /// <summary><c>Succeeded</c>: the task completed; its result string goes into the job's completion report.</summary>
    Succeeded,

    /// <summary><c>TemporaryFailure</c>: the task failed for now; S3 runs it again before the job completes.</summary>
    TemporaryFailure,

    /// <summary><c>PermanentFailure</c>: the task failed for good; S3 does not run it again.</summary>
    PermanentFailure,
}
