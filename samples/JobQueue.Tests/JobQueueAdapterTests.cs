using System.Text.Json;
using JobQueue.Adapter;
using Lambda.Toolkit;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace JobQueue.Tests;

/// <summary>A custom event source written on the public adapter contract, end to end under the test host.</summary>
public class JobQueueAdapterTests
{
    [Fact]
    public async Task Answers_with_exactly_the_jobs_that_failed()
    {
        var app = JobQueueFunction.Build([]);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync("events/thumbnails.json");

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal("""{"failedJobIds":["job-0002","job-0004"]}""", result.ResponseText);
        Assert.Equal(["thumbnails/128/dogs/corgi.jpg", "thumbnails/256/cats/tabby.png"], app.Services.GetRequiredService<IThumbnailStore>().Keys);
    }

    [Fact]
    public async Task Every_job_ends_handled_or_reported_under_parallelism()
    {
        var app = JobQueueFunction.Build([], o => o.MaxDegreeOfParallelism = 8);
        await using var host = await LambdaTestHost.StartAsync(app);
        var jobs = Enumerable.Range(1, 200).Select(i => $$$"""{"jobId":"j{{{i}}}","payload":{"imageKey":"k{{{i}}}","width":{{{(i % 7 == 0 ? 0 : i)}}}}}""");

        var result = await host.InvokeAsync($$"""{"jobs":[{{string.Join(",", jobs)}}]}""");

        using var answer = JsonDocument.Parse(result.ResponseText);
        var failed = answer.RootElement.GetProperty("failedJobIds").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var expected = Enumerable.Range(1, 200).Where(i => i % 7 == 0).Select(i => $"j{i}").ToHashSet();
        Assert.Equal(expected, failed);
        Assert.Equal(200 - expected.Count, app.Services.GetRequiredService<IThumbnailStore>().Keys.Count);
    }

    [Fact]
    public async Task A_job_tried_too_often_is_reported_without_running()
    {
        var app = JobQueueFunction.Build([], o => o.MaxAttempts = 2);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"jobs":[{"jobId":"old","attempt":3,"payload":{"imageKey":"a","width":10}}]}""");

        Assert.Equal("""{"failedJobIds":["old"]}""", result.ResponseText);
        Assert.Empty(app.Services.GetRequiredService<IThumbnailStore>().Keys);
    }

    [Fact]
    public async Task Wrong_options_and_an_unregistered_handler_fail_init_with_every_problem()
    {
        var builder = LambdaApplication.CreateBuilder([]);
        var app = builder.Build();
        app.MapJobs<ThumbnailJob, ThumbnailJobHandler>(ThumbnailJsonContext.Default.ThumbnailJob, o =>
        {
            o.MaxDegreeOfParallelism = 0;
            o.MaxAttempts = 0;
        });

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("Job queue: MaxDegreeOfParallelism must be between 1 and 64 (was 0).", error.Message);
        Assert.Contains("Job queue: MaxAttempts must be at least 1 (was 0).", error.Message);
        Assert.Contains("Job queue: ThumbnailJobHandler is not registered: add builder.Services.AddScoped<ThumbnailJobHandler>()", error.Message);
    }

    [Theory]
    [InlineData("""{"Records":[]}""", LambdaErrorTypes.NoHandler, "Job queue")]
    [InlineData("""{"jobs": [ {"jobId": 7} ] }""", LambdaErrorTypes.InvalidEvent, "$.jobs[0].jobId")]
    [InlineData("jobs, please", LambdaErrorTypes.InvalidEvent, "not valid JSON")]
    public async Task Events_that_are_not_job_batches_fail_with_a_precise_error_and_the_function_keeps_serving(string payload, string errorType, string mentions)
    {
        await using var host = await LambdaTestHost.StartAsync(JobQueueFunction.Build([]));

        var bad = await host.InvokeAsync(payload);
        var good = await host.InvokeAsync("""{"jobs":[{"jobId":"ok","payload":{"imageKey":"a","width":1}}]}""");

        Assert.Equal(errorType, bad.Error!.ErrorType);
        Assert.Contains(mentions, bad.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("""{"failedJobIds":[]}""", good.ResponseText);
    }

    [Fact]
    public async Task The_job_handler_can_be_unit_tested_with_a_public_invocation_context()
    {
        var store = new InMemoryThumbnailStore();
        var invocation = new InvocationContext("req-1", DateTimeOffset.UtcNow.AddSeconds(30), "{}"u8.ToArray());
        var job = new Job { JobId = "j1" };

        await new ThumbnailJobHandler(store).HandleAsync(new ThumbnailJob("a.png", 64), new JobContext(job, invocation, invocation.Services), CancellationToken.None);

        Assert.Equal(["thumbnails/64/a.png"], store.Keys);
    }
}
