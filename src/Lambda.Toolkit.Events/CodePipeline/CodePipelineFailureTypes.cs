namespace Lambda.Toolkit.Events.CodePipeline;

/// <summary>The failure types <c>PutJobFailureResult</c> accepts.</summary>
public static class CodePipelineFailureTypes
{
    /// <summary>The job's work failed.</summary>
    public const string JobFailed = "JobFailed";

    /// <summary>The action is configured wrongly (for example, bad user parameters).</summary>
    public const string ConfigurationError = "ConfigurationError";

    /// <summary>The job lacked a permission it needed.</summary>
    public const string PermissionError = "PermissionError";

    /// <summary>The revision is out of sync.</summary>
    public const string RevisionOutOfSync = "RevisionOutOfSync";

    /// <summary>The revision cannot be found.</summary>
    public const string RevisionUnavailable = "RevisionUnavailable";

    /// <summary>A system the job needs is unavailable.</summary>
    public const string SystemUnavailable = "SystemUnavailable";
}
