using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events.CodePipeline;

namespace Lambda.Toolkit.Triggers.CodePipeline;

/// <summary>A CodePipeline job as its handler sees it: the job, its user parameters, its artifacts and the invocation's services.</summary>
public sealed class CodePipelineJobRequest
{
    internal CodePipelineJobRequest(CodePipelineJob job, IServiceProvider services)
    {
        Job = job;
        Services = services;
    }

    /// <summary>The job as CodePipeline sent it.</summary>
    public CodePipelineJob Job { get; }

    /// <summary>The job's id (the <c>jobId</c> of <c>PutJobSuccessResult</c> and <c>PutJobFailureResult</c>).</summary>
    public string JobId => Job.Id!;

    /// <summary>The action's <c>UserParameters</c>, as configured; null when none are.</summary>
    public string? UserParameters => Job.Data?.ActionConfiguration?.Configuration?.UserParameters;

    /// <summary>The token a previous run returned with <see cref="CodePipelineJobResult.Continue"/>; null on the first run.</summary>
    public string? ContinuationToken => Job.Data?.ContinuationToken;

    /// <summary>The artifacts the action reads.</summary>
    public IReadOnlyList<CodePipelineArtifact> InputArtifacts => Job.Data?.InputArtifacts ?? [];

    /// <summary>The artifacts the action writes.</summary>
    public IReadOnlyList<CodePipelineArtifact> OutputArtifacts => Job.Data?.OutputArtifacts ?? [];

    /// <summary>Credentials for the artifact bucket. Secret: never log them.</summary>
    public CodePipelineArtifactCredentials? ArtifactCredentials => Job.Data?.ArtifactCredentials;

    /// <summary>The invocation's services.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Reads <see cref="UserParameters"/> as JSON.</summary>
    /// <typeparam name="T">The parameters' type.</typeparam>
    /// <param name="parameters">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The parameters.</returns>
    /// <exception cref="CodePipelineJobException">
    /// With <see cref="CodePipelineFailureTypes.ConfigurationError"/>, naming <c>UserParameters</c>, when there are none or
    /// they are not JSON of that type: left unhandled, it fails the job with that type and message.
    /// </exception>
    public T GetUserParameters<T>(JsonTypeInfo<T> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = UserParameters;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new CodePipelineJobException(
                CodePipelineFailureTypes.ConfigurationError,
                $"The action has no UserParameters; expected JSON for {typeof(T).Name}.");
        }

        try
        {
            return JsonSerializer.Deserialize(text, parameters)
                ?? throw new CodePipelineJobException(CodePipelineFailureTypes.ConfigurationError, $"The action's UserParameters are null; expected JSON for {typeof(T).Name}.");
        }
        catch (JsonException ex)
        {
            var at = ex.Path is { Length: > 1 } path ? $" at {path}" : string.Empty;
            throw new CodePipelineJobException(
                CodePipelineFailureTypes.ConfigurationError,
                $"The action's UserParameters are not valid JSON for {typeof(T).Name}{at}: {ex.Message}",
                ex);
        }
    }
}
