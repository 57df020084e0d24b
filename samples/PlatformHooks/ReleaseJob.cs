using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.CodePipeline;
using Lambda.Toolkit.Triggers.CodePipeline;

namespace PlatformHooks;

/// <summary>The action's <c>UserParameters</c>: <c>{"environment":"staging"}</c>.</summary>
public sealed class ReleaseParameters
{
    [JsonPropertyName("environment")]
    public string? Environment { get; set; }
}

/// <summary>
/// A release gate in a pipeline: checks the revision coming in and names the release, which later actions read as
/// output variables (<c>#{Gate.ReleaseTag}</c>).
/// </summary>
public static class ReleaseJob
{
    /// <summary>The environments a release may go to.</summary>
    public static readonly IReadOnlyList<string> Environments = ["staging", "production"];

    public static ValueTask<CodePipelineJobResult> RunAsync(CodePipelineJobRequest job, CancellationToken cancellationToken)
    {
        // UserParameters that are absent or not JSON fail the job as a ConfigurationError naming UserParameters.
        var parameters = job.GetUserParameters(PlatformHooksJsonContext.Default.ReleaseParameters);
        if (parameters.Environment is not { } environment || !Environments.Contains(environment, StringComparer.Ordinal))
        {
            throw new CodePipelineJobException(
                CodePipelineFailureTypes.ConfigurationError,
                $"UserParameters.environment must be one of {string.Join(", ", Environments)} (got '{parameters.Environment}').");
        }

        var revision = job.InputArtifacts.Count > 0 ? job.InputArtifacts[0].Revision : null;
        if (string.IsNullOrEmpty(revision) || revision.Length < 7)
        {
            return ValueTask.FromResult(CodePipelineJobResult.Failed(
                CodePipelineFailureTypes.JobFailed,
                "The action needs one input artifact with a source revision (a commit id) to release."));
        }

        var tag = $"{environment}-{revision[..7]}";
        return ValueTask.FromResult(CodePipelineJobResult.Succeeded(
            $"Release {tag} approved for {environment}",
            new Dictionary<string, string>(StringComparer.Ordinal) { ["ReleaseTag"] = tag, ["Revision"] = revision }));
    }
}
