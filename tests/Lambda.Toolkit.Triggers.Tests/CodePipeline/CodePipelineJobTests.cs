using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CodePipeline;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Testing.Events;
using Lambda.Toolkit.Triggers.CodePipeline;
using Microsoft.Extensions.DependencyInjection;
using static Lambda.Toolkit.Triggers.Tests.Authorizers.AuthorizerSupport;

namespace Lambda.Toolkit.Triggers.Tests.CodePipeline;

public sealed class DeployParameters
{
    [JsonPropertyName("stage")]
    public string? Stage { get; set; }

    [JsonPropertyName("replicas")]
    public int Replicas { get; set; }
}

[JsonSerializable(typeof(DeployParameters))]
public sealed partial class CodePipelineTestJson : JsonSerializerContext;

public class CodePipelineJobTests
{
    private const string SampleJobId = "c968ef10-6415-4127-80b1-42502218a8c7";
    private const string SampleSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private sealed class Harness
    {
        public ConcurrentQueue<(string JobId, CodePipelineJobResult Result)> Reported { get; } = new();

        public MemoryStream Logs { get; } = new();

        public LambdaApplication App(
            Func<CodePipelineJobRequest, CancellationToken, ValueTask<CodePipelineJobResult>> handler,
            Action<CodePipelineJobOptions>? more = null)
        {
            var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
            builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Logs);
            var app = builder.Build();
            app.MapCodePipelineJob(handler, o =>
            {
                o.ReportResult = (job, result, _) =>
                {
                    Reported.Enqueue((job.JobId, result));
                    return ValueTask.CompletedTask;
                };
                more?.Invoke(o);
            });
            return app;
        }

        public string LogText => Encoding.UTF8.GetString(Logs.ToArray());
    }

    [Fact]
    public async Task The_AWS_sample_job_is_run_and_its_success_reported_and_returned()
    {
        var harness = new Harness();
        CodePipelineJobRequest? seen = null;
        await using var host = await LambdaTestHost.StartAsync(harness.App((job, _) =>
        {
            seen = job;
            return ValueTask.FromResult(CodePipelineJobResult.Succeeded("Deployed", new Dictionary<string, string> { ["version"] = "42" }));
        }));

        var result = await host.InvokeFileAsync(Sample("codepipeline", "codepipeline.json"));

        Assert.True(
            SameJson($$$"""{"jobId":"{{{SampleJobId}}}","status":"Succeeded","outputVariables":{"version":"42"},"executionDetails":{"summary":"Deployed"}}""", Text(result)),
            result.ResponseText);
        Assert.Equal(SampleJobId, seen!.JobId);
        Assert.Equal("user-parameter-string", seen.UserParameters);
        Assert.Null(seen.ContinuationToken);
        Assert.Equal("123456789012", seen.Job.AccountId);
        Assert.Equal("my-function", seen.Job.Data!.ActionConfiguration!.Configuration!.FunctionName);
        var input = Assert.Single(seen.InputArtifacts);
        Assert.Equal(("input-artifact", "ca2bdeadbeef7d1932acb4977e08c803295d9896"), (input.Name, input.Revision));
        Assert.Equal(("S3", "codepipeline-{region}-12345678901", "my-pipeline/input-artifact/jjmtQ59"), (input.Location!.Type, input.Location.S3Location!.BucketName, input.Location.S3Location.ObjectKey));
        Assert.Null(Assert.Single(seen.OutputArtifacts).Revision);
        Assert.Equal(("AKIAIOSFODNN7EXAMPLE", SampleSecret, "token"), (seen.ArtifactCredentials!.AccessKeyId, seen.ArtifactCredentials.SecretAccessKey, seen.ArtifactCredentials.SessionToken));
        var (jobId, reported) = Assert.Single(harness.Reported);
        Assert.Equal(SampleJobId, jobId);
        Assert.Equal(SampleJobId, reported.JobId);
        Assert.True(reported.IsSuccess);
    }

    [Fact]
    public async Task JSON_user_parameters_are_bound_and_a_continuation_is_reported_with_its_token()
    {
        var harness = new Harness();
        DeployParameters? parameters = null;
        string? token = null;
        await using var host = await LambdaTestHost.StartAsync(harness.App((job, _) =>
        {
            parameters = job.GetUserParameters(CodePipelineTestJson.Default.DeployParameters);
            token = job.ContinuationToken;
            return ValueTask.FromResult(CodePipelineJobResult.Continue("step-2", "Half way", 50));
        }));

        var text = Text(await host.InvokeAsync(new CodePipelineJobEventBuilder("""{"stage":"prod","replicas":3}""").WithContinuationToken("step-1").ToJson()));

        Assert.Equal(("prod", 3), (parameters!.Stage, parameters.Replicas));
        Assert.Equal("step-1", token);
        var (_, reported) = Assert.Single(harness.Reported);
        Assert.Equal(("step-2", "Half way", 50), (reported.ContinuationToken, reported.ExecutionDetails!.Summary, reported.ExecutionDetails.PercentComplete));
        Assert.Equal("Succeeded", JsonNode.Parse(text)!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task User_parameters_that_are_not_JSON_fail_the_job_as_a_configuration_error_naming_the_field()
    {
        var harness = new Harness();
        await using var host = await LambdaTestHost.StartAsync(harness.App((job, _) =>
        {
            var parameters = job.GetUserParameters(CodePipelineTestJson.Default.DeployParameters);
            return ValueTask.FromResult(CodePipelineJobResult.Succeeded(parameters.Stage));
        }));

        var result = await host.InvokeFileAsync(Sample("codepipeline", "codepipeline.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var (_, reported) = Assert.Single(harness.Reported);
        Assert.False(reported.IsSuccess);
        Assert.Equal(CodePipelineFailureTypes.ConfigurationError, reported.FailureDetails!.Type);
        Assert.StartsWith("The action's UserParameters are not valid JSON for DeployParameters", reported.FailureDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_exception_is_reported_as_JobFailed_and_the_invocation_succeeds_without_logging_the_credentials()
    {
        var harness = new Harness();
        await using var host = await LambdaTestHost.StartAsync(harness.App((_, _) => throw new InvalidOperationException("The deployment was rejected.")));

        var result = await host.InvokeFileAsync(Sample("codepipeline", "codepipeline.json"));

        Assert.True(
            SameJson($$$"""{"jobId":"{{{SampleJobId}}}","status":"Failed","failureDetails":{"type":"JobFailed","message":"InvalidOperationException: The deployment was rejected."}}""", Text(result)),
            result.ResponseText);
        Assert.Equal(CodePipelineFailureTypes.JobFailed, Assert.Single(harness.Reported).Result.FailureDetails!.Type);
        Assert.Contains("The deployment was rejected.", harness.LogText, StringComparison.Ordinal);
        Assert.DoesNotContain(SampleSecret, harness.LogText, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", harness.LogText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_CodePipelineJobException_chooses_the_failure_type_and_a_null_result_fails_the_job()
    {
        var harness = new Harness();
        var calls = 0;
        await using var host = await LambdaTestHost.StartAsync(harness.App((_, _) => ++calls == 1
            ? throw new CodePipelineJobException(CodePipelineFailureTypes.PermissionError, "Cannot assume the deploy role.")
            : ValueTask.FromResult<CodePipelineJobResult>(null!)));

        await host.InvokeAsync(new CodePipelineJobEventBuilder().ToJson());
        await host.InvokeAsync(new CodePipelineJobEventBuilder().ToJson());

        var reported = harness.Reported.Select(r => r.Result.FailureDetails).ToList();
        Assert.Equal((CodePipelineFailureTypes.PermissionError, "Cannot assume the deploy role."), (reported[0]!.Type, reported[0]!.Message));
        Assert.Equal((CodePipelineFailureTypes.JobFailed, "The job's handler returned no result."), (reported[1]!.Type, reported[1]!.Message));
    }

    [Fact]
    public async Task A_handler_still_running_at_the_reserve_is_reported_failed_before_the_deadline()
    {
        var harness = new Harness();
        await using var host = await LambdaTestHost.StartAsync(harness.App(
            async (_, ct) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return CodePipelineJobResult.Succeeded();
            },
            o => o.ReportReserve = TimeSpan.FromSeconds(2)));

        var result = await host.InvokeAsync(new CodePipelineJobEventBuilder().ToJson(), new TestInvocation { Timeout = TimeSpan.FromSeconds(3) });

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var (_, reported) = Assert.Single(harness.Reported);
        Assert.Equal(CodePipelineFailureTypes.JobFailed, reported.FailureDetails!.Type);
        Assert.StartsWith("The job's handler did not finish in time", reported.FailureDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_canceled_by_its_own_timeout_is_reported_with_that_failure_not_as_the_deadline()
    {
        var harness = new Harness();
        await using var host = await LambdaTestHost.StartAsync(harness.App(async (_, _) =>
        {
            using var own = new CancellationTokenSource(TimeSpan.FromMilliseconds(10));
            await Task.Delay(Timeout.InfiniteTimeSpan, own.Token);
            return CodePipelineJobResult.Succeeded();
        }));

        var result = await host.InvokeAsync(new CodePipelineJobEventBuilder().ToJson());

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var (_, reported) = Assert.Single(harness.Reported);
        Assert.Equal(CodePipelineFailureTypes.JobFailed, reported.FailureDetails!.Type);
        Assert.StartsWith("OperationCanceledException: The job's handler was canceled.", reported.FailureDetails.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_that_fails_fails_the_invocation()
    {
        var harness = new Harness();
        await using var host = await LambdaTestHost.StartAsync(harness.App(
            (_, _) => ValueTask.FromResult(CodePipelineJobResult.Succeeded()),
            o => o.ReportResult = (_, _, _) => throw new HttpRequestException("CodePipeline is unreachable.")));

        var result = await host.InvokeAsync(new CodePipelineJobEventBuilder().ToJson());

        Assert.Equal(nameof(HttpRequestException), result.Error!.ErrorType);
    }

    [Fact]
    public async Task Without_ReportResult_init_fails_saying_what_to_set()
    {
        var app = App();
        app.MapCodePipelineJob((_, _) => ValueTask.FromResult(CodePipelineJobResult.Succeeded()), o => o.ReportReserve = TimeSpan.FromSeconds(-1));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LambdaTestHost.StartAsync(app));

        Assert.Contains("ReportResult is not set", failure.Message, StringComparison.Ordinal);
        Assert.Contains("ReportReserve must not be negative", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_without_an_id_fails_as_an_invalid_event()
    {
        var harness = new Harness();
        await using var host = await LambdaTestHost.StartAsync(harness.App((_, _) => ValueTask.FromResult(CodePipelineJobResult.Succeeded())));
        var node = JsonNode.Parse(ReadSample("codepipeline", "codepipeline.json"))!;
        node["CodePipeline.job"]!.AsObject().Remove("id");

        var result = await host.InvokeAsync(node.ToJsonString());

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains("no id", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(harness.Reported);
    }

    [Fact]
    public void Credentials_do_not_show_in_ToString_and_the_classifier_recognises_only_jobs()
    {
        var job = JsonSerializer.Deserialize(ReadSample("codepipeline", "codepipeline.json"), LambdaEventsJsonContext.Default.CodePipelineJobEvent)!;
        Assert.DoesNotContain(SampleSecret, job.Job!.Data!.ArtifactCredentials!.ToString(), StringComparison.Ordinal);

        Assert.True(CodePipelineJobClassifier.Instance.Recognises(File.ReadAllBytes(Sample("codepipeline", "codepipeline.json"))));
        Assert.False(CodePipelineJobClassifier.Instance.Recognises(File.ReadAllBytes(Sample("codecommit", "CodeCommit.json"))));
        Assert.False(CodePipelineJobClassifier.Instance.Recognises("""{"job":{}}"""u8));
    }
}
