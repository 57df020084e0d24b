using Lambda.Toolkit.Events.CodePipeline;

namespace Lambda.Toolkit.Triggers.CodePipeline;

/// <summary>
/// Thrown by a job handler to fail the job with a failure type of its choice; any other exception fails it as
/// <see cref="CodePipelineFailureTypes.JobFailed"/>. <see cref="CodePipelineJobRequest.GetUserParameters{T}"/> throws it
/// with <see cref="CodePipelineFailureTypes.ConfigurationError"/>.
/// </summary>
public sealed class CodePipelineJobException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="failureType">One of <see cref="CodePipelineFailureTypes"/>.</param>
    /// <param name="message">Why the job failed; it is the failure's message.</param>
    /// <param name="innerException">The cause, if any.</param>
    public CodePipelineJobException(string failureType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(failureType);
        FailureType = failureType;
    }

    /// <summary>The failure type reported to CodePipeline.</summary>
    public string FailureType { get; }
}
