using Lambda.Toolkit.Events.S3Batch;

namespace Lambda.Toolkit.Batch.S3Batch;

/// <summary>
/// What an S3 Batch Operations handler made of one task: <see cref="Succeeded(string?)"/>, or
/// <see cref="TemporaryFailure(string)"/> (S3 runs the task again before the job completes) or
/// <see cref="PermanentFailure(string)"/> (it does not), each with the string S3 writes into the job's completion
/// report. A handler returns one of these, so it cannot leave a task unanswered; a handler that throws instead is
/// answered by the adapter (see <see cref="S3BatchApplicationExtensions"/>). Immutable.
/// </summary>
public sealed class S3BatchResult
{
    private static readonly S3BatchResult SucceededWithoutString = new(S3BatchResultCode.Succeeded, null);

    private S3BatchResult(S3BatchResultCode resultCode, string? resultString)
    {
        ResultCode = resultCode;
        ResultString = resultString;
    }

    /// <summary>The result code written to the response.</summary>
    public S3BatchResultCode ResultCode { get; }

    /// <summary>The result string written to the response (and so to the completion report), or <see langword="null"/> for none.</summary>
    public string? ResultString { get; }

    /// <summary>The task completed.</summary>
    /// <param name="resultString">What to record in the completion report, for example the new object's key; none by default.</param>
    /// <returns>The result.</returns>
    public static S3BatchResult Succeeded(string? resultString = null) =>
        resultString is null ? SucceededWithoutString : new(S3BatchResultCode.Succeeded, resultString);

    /// <summary>The task failed for now (a throttled call, a dependency that is down): S3 runs it again before the job completes.</summary>
    /// <param name="reason">Why, for the completion report.</param>
    /// <returns>The result.</returns>
    public static S3BatchResult TemporaryFailure(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(S3BatchResultCode.TemporaryFailure, reason);
    }

    /// <summary>The task failed for good (the object is not what the job expects): S3 does not run it again.</summary>
    /// <param name="reason">Why, for the completion report.</param>
    /// <returns>The result.</returns>
    public static S3BatchResult PermanentFailure(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new(S3BatchResultCode.PermanentFailure, reason);
    }
}
