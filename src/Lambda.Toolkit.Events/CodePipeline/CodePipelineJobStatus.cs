namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>The values of <see cref="CodePipelineJobResult.Status"/>.</summary>
public static class CodePipelineJobStatus
{
    /// <summary>Reported with <c>PutJobSuccessResult</c>.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>Reported with <c>PutJobFailureResult</c>.</summary>
    public const string Failed = "Failed";
}
