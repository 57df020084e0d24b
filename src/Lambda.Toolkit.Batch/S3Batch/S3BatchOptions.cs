using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Events.S3Batch;

namespace Lambda.Toolkit.Batch.S3Batch;

/// <summary>
/// How the S3 Batch Operations adapter answers. Validated at init: a wrong value is an init problem, never an
/// exception out of <c>MapS3BatchOperations</c>.
/// </summary>
public sealed class S3BatchOptions
{
    /// <summary>
    /// How S3 counts a task the response has no result for; written to every response. The adapter answers every
    /// task it is sent, so this matters only if S3 sent a task the function never saw. Default:
    /// <see cref="S3BatchResultCode.PermanentFailure"/>.
    /// </summary>
    public S3BatchResultCode TreatMissingKeysAs { get; set; } = S3BatchResultCode.PermanentFailure;

    /// <summary>
    /// Retries of a task whose handler throws, within the invocation and before the adapter answers it. Its
    /// <see cref="RecordRetryOptions.IsTransient"/> also decides whether a failure that outlasts the retries is
    /// answered <c>TemporaryFailure</c> (S3 runs the task again) or <c>PermanentFailure</c>. Default: 2 retries.
    /// </summary>
    public RecordRetryOptions Retry { get; set; } = new();

    internal List<string> Validate()
    {
        var problems = new List<string>();
        if (TreatMissingKeysAs is not (S3BatchResultCode.Succeeded or S3BatchResultCode.TemporaryFailure or S3BatchResultCode.PermanentFailure))
        {
            problems.Add($"{nameof(TreatMissingKeysAs)} must be Succeeded, TemporaryFailure or PermanentFailure (was {(int)TreatMissingKeysAs}).");
        }

        if (Retry is null)
        {
            problems.Add($"{nameof(Retry)} must not be null.");
        }
        else
        {
            Retry.Validate(problems);
        }

        return problems;
    }
}
