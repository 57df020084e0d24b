using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CodePipeline;
using Lambda.Toolkit.Testing.Events;

namespace PlatformHooks.Tests;

public class ReleaseJobTests
{
    private static CodePipelineJobResult Result(Lambda.Toolkit.Testing.TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        return result.ReadResponse(LambdaEventsJsonContext.Default.CodePipelineJobResult);
    }

    [Fact]
    public async Task The_bundled_job_succeeds_with_the_release_tag_and_is_reported_once()
    {
        await using var function = await Function.StartAsync();

        var result = Result(await function.InvokeFileAsync("codepipeline-job.json"));

        Assert.Equal("c968ef10-6415-4127-80b1-42502218a8c7", result.JobId);
        Assert.Equal(CodePipelineJobStatus.Succeeded, result.Status);
        Assert.Equal("Release staging-ca2bdea approved for staging", result.ExecutionDetails!.Summary);
        Assert.Equal("staging-ca2bdea", result.OutputVariables!["ReleaseTag"]);
        Assert.Equal("ca2bdeadbeef7d1932acb4977e08c803295d9896", result.OutputVariables["Revision"]);
        var log = function.Log;
        var report = Assert.Single(log.Split('\n'), l => l.Contains("would be called", StringComparison.Ordinal));
        Assert.Contains("PutJobSuccessResult(JobId=c968ef10-6415-4127-80b1-42502218a8c7, Summary=Release staging-ca2bdea approved for staging, OutputVariables=[ReleaseTag, Revision])", report, StringComparison.Ordinal);
        Assert.DoesNotContain("wJalrXUtnFEMI", log, StringComparison.Ordinal);   // artifact credentials are never logged
    }

    [Theory]
    [InlineData(null, CodePipelineFailureTypes.ConfigurationError, "The action has no UserParameters")]
    [InlineData("staging", CodePipelineFailureTypes.ConfigurationError, "not valid JSON for ReleaseParameters")]
    [InlineData("""{"environment":"qa"}""", CodePipelineFailureTypes.ConfigurationError, "UserParameters.environment must be one of staging, production (got 'qa')")]
    public async Task Wrong_user_parameters_are_reported_as_a_configuration_error(string? parameters, string type, string message)
    {
        await using var function = await Function.StartAsync();
        var job = new CodePipelineJobEventBuilder(parameters).WithInputArtifact("SourceOutput", "platform-release/SourceOutp/a1", "0123456789abcdef");

        var result = Result(await function.Host.InvokeAsync(job.ToJson()));

        Assert.Equal(CodePipelineJobStatus.Failed, result.Status);
        Assert.Equal(type, result.FailureDetails!.Type);
        Assert.Contains(message, result.FailureDetails.Message, StringComparison.Ordinal);
        Assert.Contains($"PutJobFailureResult(JobId={result.JobId}, Type={type}, Message=", function.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_without_a_source_revision_fails()
    {
        await using var function = await Function.StartAsync();
        var job = new CodePipelineJobEventBuilder("""{"environment":"production"}""");

        var result = Result(await function.Host.InvokeAsync(job.ToJson()));

        Assert.Equal(CodePipelineJobStatus.Failed, result.Status);
        Assert.Equal(CodePipelineFailureTypes.JobFailed, result.FailureDetails!.Type);
        Assert.Contains("PutJobFailureResult(", function.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("PutJobSuccessResult(", function.Log, StringComparison.Ordinal);
    }
}
