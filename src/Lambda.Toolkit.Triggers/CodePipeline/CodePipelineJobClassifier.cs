namespace Lambda.Toolkit.Triggers.CodePipeline;

/// <summary>Recognises a CodePipeline job event: a top-level <c>CodePipeline.job</c> property.</summary>
internal static class CodePipelineJobClassifier
{
    /// <summary>The one instance every job adapter shares.</summary>
    public static readonly TopLevelPropertiesClassifier Instance = new("CodePipeline.job");
}
