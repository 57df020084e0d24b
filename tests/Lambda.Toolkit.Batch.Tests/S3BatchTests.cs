using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Batch.Firehose;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Batch.S3Batch;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.S3Batch;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Batch.Tests;

public class S3BatchTests
{
    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", "s3-batch", file);

    private static string Event(string version, params S3BatchTask[] tasks) => JsonSerializer.Serialize(
        new S3BatchEvent
        {
            InvocationSchemaVersion = version,
            InvocationId = "inv-1",
            Job = new S3BatchJob { Id = "job-1", UserArguments = version == "2.0" ? new Dictionary<string, string> { ["mode"] = "thumb" } : null },
            Tasks = tasks,
        },
        LambdaEventsJsonContext.Default.S3BatchEvent);

    private static S3BatchTask Task(string id, string key = "photos/a.jpg", string bucket = "photos") =>
        new() { TaskId = id, S3Key = key, S3VersionId = "v1", S3Bucket = bucket };

    private static S3BatchResponse Read(TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return result.ReadResponse(LambdaEventsJsonContext.Default.S3BatchResponse);
    }

    private static async Task<LambdaTestHost> Host(
        Func<S3BatchTaskRecord, RecordContext<S3BatchTaskRecord>, CancellationToken, ValueTask<S3BatchResult>> handler,
        Action<S3BatchOptions>? configure = null,
        TimeProvider? time = null)
    {
        var app = Batches.Builder(time).Build();
        app.MapS3BatchOperations(handler, configure);
        return await LambdaTestHost.StartAsync(app);
    }

    [Fact]
    public async Task The_schema_1_0_sample_is_answered_exactly_like_the_AWS_response_sample()
    {
        var seen = new ConcurrentQueue<S3BatchTaskRecord>();
        await using var host = await Host((record, _, _) =>
        {
            seen.Enqueue(record);
            return ValueTask.FromResult(S3BatchResult.Succeeded("""["Mary Major", "John Stiles"]"""));
        });

        var result = await host.InvokeFileAsync(Sample("s3-batch-job-event-request-1.0.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllBytes(Sample("s3-batch-job-event-response.json"))), JsonNode.Parse(result.ResponseText)),
            result.ResponseText);
        var record = Assert.Single(seen);
        Assert.Equal(("dGFza2lkZ29lc2hlcmUK", "awsexamplebucket", "customerImage1.jpg", "1"), (record.TaskId, record.Bucket, record.Key, record.VersionId));
        Assert.Equal(("1.0", "f3cc4f60-61f6-4a2b-8a21-d07600c373ce"), (record.InvocationSchemaVersion, record.JobId));
        Assert.Empty(record.UserArguments);
    }

    [Fact]
    public async Task The_schema_2_0_sample_gives_the_bucket_name_and_user_arguments_and_echoes_version_2_0()
    {
        var seen = new ConcurrentQueue<S3BatchTaskRecord>();
        await using var host = await Host((record, _, _) =>
        {
            seen.Enqueue(record);
            return ValueTask.FromResult(S3BatchResult.Succeeded());
        });

        var result = await host.InvokeFileAsync(Sample("s3-batch-job-event-request-2.0.json"));

        Assert.Equal(
            """{"invocationSchemaVersion":"2.0","treatMissingKeysAs":"PermanentFailure","invocationId":"YXNkbGZqYWRmaiBhc2RmdW9hZHNmZGpmaGFzbGtkaGZza2RmaAo","results":[{"taskId":"dGFza2lkZ29lc2hlcmUK","resultCode":"Succeeded"}]}""",
            result.ResponseText);
        var record = Assert.Single(seen);
        Assert.Equal(("awsexamplebucket", "customerImage1.jpg", "jbo9_jhdPEyB4RrmOxWS0kU0EoNrU_oI"), (record.Bucket, record.Key, record.VersionId));
        Assert.Equal(new Dictionary<string, string> { ["k1"] = "v1", ["k2"] = "v2" }, record.UserArguments);
    }

    [Fact]
    public async Task Every_task_gets_one_handler_call_and_its_own_result_in_order()
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await Host((record, _, _) =>
        {
            calls.Enqueue(record.Key);
            return ValueTask.FromResult(record.TaskId switch
            {
                "a" => S3BatchResult.Succeeded("copied"),
                "b" => S3BatchResult.TemporaryFailure("throttled"),
                _ => S3BatchResult.PermanentFailure("wrong format"),
            });
        });

        var response = Read(await host.InvokeAsync(Event("2.0", Task("a", "my+photo.jpg"), Task("b", "b%2Bc.jpg"), Task("c"))));

        Assert.Equal(["my photo.jpg", "b+c.jpg", "photos/a.jpg"], calls);
        Assert.Equal(["a", "b", "c"], response.Results.Select(r => r.TaskId));
        Assert.Equal([S3BatchResultCode.Succeeded, S3BatchResultCode.TemporaryFailure, S3BatchResultCode.PermanentFailure], response.Results.Select(r => r.ResultCode));
        Assert.Equal(["copied", "throttled", "wrong format"], response.Results.Select(r => r.ResultString));
        Assert.Equal("inv-1", response.InvocationId);
    }

    [Fact]
    public async Task A_transient_exception_is_retried_then_answered_TemporaryFailure()
    {
        var attempts = 0;
        await using var host = await Host(
            (_, _, _) => { Interlocked.Increment(ref attempts); throw new HttpRequestException("S3 is slow"); },
            o => o.Retry.Delay = TimeSpan.Zero);

        var result = Assert.Single(Read(await host.InvokeAsync(Event("1.0", Task("t")))).Results);

        Assert.Equal(1 + RecordRetryDefaults.MaxRetryAttempts, attempts);
        Assert.Equal(S3BatchResultCode.TemporaryFailure, result.ResultCode);
        Assert.Equal("HttpRequestException: S3 is slow", result.ResultString);
    }

    [Fact]
    public async Task A_retry_that_succeeds_answers_the_handlers_result()
    {
        var attempts = 0;
        await using var host = await Host(
            (_, _, _) => Interlocked.Increment(ref attempts) == 1 ? throw new TimeoutException("once") : ValueTask.FromResult(S3BatchResult.Succeeded("second time")),
            o => o.Retry.Delay = TimeSpan.Zero);

        var result = Assert.Single(Read(await host.InvokeAsync(Event("1.0", Task("t")))).Results);

        Assert.Equal((S3BatchResultCode.Succeeded, "second time"), (result.ResultCode, result.ResultString));
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_permanent_failure_is_not_retried_and_answered_PermanentFailure()
    {
        var attempts = 0;
        await using var host = await Host((_, _, _) => { Interlocked.Increment(ref attempts); throw new PermanentFailureException("not an image"); });

        var result = Assert.Single(Read(await host.InvokeAsync(Event("1.0", Task("t")))).Results);

        Assert.Equal(1, attempts);
        Assert.Equal(S3BatchResultCode.PermanentFailure, result.ResultCode);
        Assert.Equal(BatchErrorTypes.PermanentFailure + ": not an image", result.ResultString);
    }

    [Fact]
    public async Task IsTransient_decides_the_result_code_as_it_decides_the_retries()
    {
        var attempts = new ConcurrentDictionary<string, int>();
        await using var host = await Host(
            (record, _, _) =>
            {
                attempts.AddOrUpdate(record.TaskId, 1, (_, n) => n + 1);
                throw record.TaskId == "bad-arg" ? new ArgumentException("bad key") : new IOException("disk");
            },
            o =>
            {
                o.Retry.Delay = TimeSpan.Zero;
                o.Retry.MaxRetryAttempts = 1;
                o.Retry.IsTransient = ex => ex is not ArgumentException;
            });

        var results = Read(await host.InvokeAsync(Event("1.0", Task("bad-arg"), Task("io")))).Results;

        Assert.Equal((S3BatchResultCode.PermanentFailure, "ArgumentException: bad key"), (results[0].ResultCode, results[0].ResultString));
        Assert.Equal((S3BatchResultCode.TemporaryFailure, "IOException: disk"), (results[1].ResultCode, results[1].ResultString));
        Assert.Equal(1, attempts["bad-arg"]);
        Assert.Equal(2, attempts["io"]);
    }

    [Fact]
    public async Task A_handler_that_returns_null_is_answered_PermanentFailure()
    {
        await using var host = await Host((_, _, _) => ValueTask.FromResult<S3BatchResult>(null!));

        var result = Assert.Single(Read(await host.InvokeAsync(Event("1.0", Task("t")))).Results);

        Assert.Equal(S3BatchResultCode.PermanentFailure, result.ResultCode);
        Assert.Contains("returned null instead of an S3BatchResult", result.ResultString);
    }

    [Theory]
    [InlineData("3.0")]
    [InlineData("1")]
    [InlineData("")]
    public async Task An_unknown_schema_version_fails_with_one_error_naming_it_and_the_supported_ones(string version)
    {
        var called = false;
        await using var host = await Host((_, _, _) => { called = true; return ValueTask.FromResult(S3BatchResult.Succeeded()); });

        var result = await host.InvokeAsync(Event(version, Task("t")));

        Assert.False(called);
        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Equal($"The S3 Batch Operations event has invocationSchemaVersion \"{version}\"; the supported versions are \"1.0\" and \"2.0\".", result.Error!.ErrorMessage);
    }

    [Fact]
    public async Task A_task_without_key_or_bucket_is_answered_PermanentFailure_without_calling_the_handler()
    {
        var handled = new ConcurrentQueue<string>();
        var log = new MemoryStream();
        var builder = Batches.Builder();
        builder.Services.Configure<Lambda.Toolkit.Logging.LambdaLoggerOptions>(o => o.Output = log);
        var app = builder.Build();
        app.MapS3BatchOperations((record, _, _) => { handled.Enqueue(record.TaskId); return ValueTask.FromResult(S3BatchResult.Succeeded()); });
        await using var host = await LambdaTestHost.StartAsync(app);

        var v2 = Read(await host.InvokeAsync(Event("2.0", Task("ok"), new S3BatchTask { TaskId = "no-key", S3Bucket = "b" }, new S3BatchTask { TaskId = "no-bucket", S3Key = "k" })));
        var v1 = Read(await host.InvokeAsync("""{"invocationSchemaVersion":"1.0","invocationId":"i","job":{"id":"j"},"tasks":[{"taskId":"t","s3Key":"k"}]}"""));

        Assert.Equal(["ok"], handled);
        Assert.Equal([S3BatchResultCode.Succeeded, S3BatchResultCode.PermanentFailure, S3BatchResultCode.PermanentFailure], v2.Results.Select(r => r.ResultCode));
        Assert.Equal("The task has no s3Key; it was not handled.", v2.Results[1].ResultString);
        Assert.Equal("The task has no s3Bucket; it was not handled.", v2.Results[2].ResultString);
        Assert.Equal("The task has no s3BucketArn; it was not handled.", Assert.Single(v1.Results).ResultString);
        Assert.Contains("S3 Batch Operations task no-key has no s3Key; answered PermanentFailure without being handled", Encoding.UTF8.GetString(log.ToArray()));
    }

    [Fact]
    public async Task A_task_without_taskId_fails_the_invocation_naming_its_path_and_the_process_keeps_serving()
    {
        await using var host = await Host((_, _, _) => ValueTask.FromResult(S3BatchResult.Succeeded()));

        var result = await host.InvokeAsync("""{"invocationSchemaVersion":"1.0","invocationId":"i","job":{"id":"j"},"tasks":[{"taskId":"t","s3Key":"k","s3BucketArn":"arn:aws:s3:::b"},{"s3Key":"k2"}]}""");
        var next = await host.InvokeFileAsync(Sample("s3-batch-job-event-request-1.0.json"));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.StartsWith("The event is not a valid S3BatchEvent at $.tasks[1]", result.Error!.ErrorMessage);
        Assert.Contains("taskId", result.Error.ErrorMessage);
        Assert.Equal(S3BatchResultCode.Succeeded, Assert.Single(Read(next).Results).ResultCode);
    }

    [Fact]
    public async Task A_task_still_running_at_the_deadline_is_answered_TemporaryFailure_and_the_rest_are_not_started()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var started = new TaskCompletionSource();
        var never = new TaskCompletionSource<S3BatchResult>();
        var calls = new ConcurrentQueue<string>();
        await using var host = await Host(
            (record, _, _) =>
            {
                calls.Enqueue(record.TaskId);
                if (record.TaskId == "stuck")
                {
                    started.TrySetResult();
                    return new ValueTask<S3BatchResult>(never.Task); // ignores its token
                }

                return ValueTask.FromResult(S3BatchResult.Succeeded());
            },
            time: time);

        var invocation = host.InvokeAsync(Event("1.0", Task("quick"), Task("stuck"), Task("later")), new TestInvocation { Timeout = TimeSpan.FromSeconds(5) });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(4.6)); // past the cancellation margin
        var response = Read(await invocation.WaitAsync(TimeSpan.FromSeconds(10)));
        never.SetResult(S3BatchResult.Succeeded("too late"));

        Assert.Equal(["quick", "stuck"], calls);
        Assert.Equal([S3BatchResultCode.Succeeded, S3BatchResultCode.TemporaryFailure, S3BatchResultCode.TemporaryFailure], response.Results.Select(r => r.ResultCode));
        Assert.Equal("The invocation's deadline came before the task finished.", response.Results[1].ResultString);
        Assert.Equal("The invocation's deadline came before the task finished.", response.Results[2].ResultString);
    }

    [Fact]
    public async Task A_handler_that_stops_at_its_token_is_answered_TemporaryFailure_and_not_retried()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var started = new TaskCompletionSource();
        var attempts = 0;
        await using var host = await Host(
            async (_, _, ct) =>
            {
                Interlocked.Increment(ref attempts);
                started.TrySetResult();
                await System.Threading.Tasks.Task.Delay(TimeSpan.FromMinutes(1), time, ct);
                return S3BatchResult.Succeeded();
            },
            time: time);

        var invocation = host.InvokeAsync(Event("2.0", Task("slow")), new TestInvocation { Timeout = TimeSpan.FromSeconds(5) });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(4.6));
        var result = Assert.Single(Read(await invocation.WaitAsync(TimeSpan.FromSeconds(10))).Results);

        Assert.Equal(S3BatchResultCode.TemporaryFailure, result.ResultCode);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task TreatMissingKeysAs_is_configurable()
    {
        await using var host = await Host((_, _, _) => ValueTask.FromResult(S3BatchResult.Succeeded()), o => o.TreatMissingKeysAs = S3BatchResultCode.TemporaryFailure);

        var result = await host.InvokeAsync(Event("1.0", Task("t")));

        Assert.Equal(S3BatchResultCode.TemporaryFailure, Read(result).TreatMissingKeysAs);
        Assert.Contains("\"treatMissingKeysAs\":\"TemporaryFailure\"", result.ResponseText);
    }

    [Fact]
    public async Task Wrong_options_fail_init_with_every_problem()
    {
        var app = Batches.Builder().Build();
        app.MapS3BatchOperations((_, _, _) => ValueTask.FromResult(S3BatchResult.Succeeded()), o =>
        {
            o.TreatMissingKeysAs = (S3BatchResultCode)7;
            o.Retry.MaxRetryAttempts = -1;
        });

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("S3 Batch Operations: TreatMissingKeysAs must be Succeeded, TemporaryFailure or PermanentFailure (was 7).", error.Message);
        Assert.Contains("S3 Batch Operations: Retry.MaxRetryAttempts must not be negative (was -1).", error.Message);
    }

    [Fact]
    public void Results_are_typed_and_failures_need_a_reason()
    {
        Assert.Same(S3BatchResult.Succeeded(), S3BatchResult.Succeeded());
        Assert.Equal((S3BatchResultCode.Succeeded, "k"), (S3BatchResult.Succeeded("k").ResultCode, S3BatchResult.Succeeded("k").ResultString));
        Assert.Throws<ArgumentException>(() => S3BatchResult.TemporaryFailure(""));
        Assert.Throws<ArgumentNullException>(() => S3BatchResult.PermanentFailure(null!));
    }

    [Fact]
    public void A_record_made_in_a_unit_test_checks_the_task_has_a_key_and_a_bucket()
    {
        var @event = new S3BatchEvent { InvocationSchemaVersion = "1.0", InvocationId = "i", Job = new S3BatchJob(), Tasks = [] };

        var record = new S3BatchTaskRecord(@event, new S3BatchTask { TaskId = "t", S3Key = "a+b", S3BucketArn = "arn:aws:s3:::bucket" });

        Assert.Equal(("a b", "bucket"), (record.Key, record.Bucket));
        Assert.Throws<ArgumentException>(() => new S3BatchTaskRecord(@event, new S3BatchTask { TaskId = "t", S3BucketArn = "arn:aws:s3:::bucket" }));
        Assert.Throws<ArgumentException>(() => new S3BatchTaskRecord(@event, new S3BatchTask { TaskId = "t", S3Key = "k" }));
    }

    [Theory]
    [InlineData("s3-batch-job-event-request-1.0.json")]
    [InlineData("s3-batch-job-event-request-2.0.json")]
    public void The_classifier_recognises_the_samples_without_allocating(string file)
    {
        var payload = EventReader.TrimByteOrderMark(File.ReadAllBytes(Sample(file))).ToArray();
        Assert.Equal(EventSource.S3Batch, EventSourceClassifier.Instance.ClassifyPayload(payload));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var source = EventSourceClassifier.Instance.ClassifyPayload(payload);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(EventSource.S3Batch, source);
        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("""{"tasks":[],"job":{"id":"j"},"invocationId":"i","invocationSchemaVersion":"1.0"}""", true)]
    [InlineData("""{"invocationSchemaVersion":"1.0","invocationId":"i","tasks":[]}""", false)]
    [InlineData("""{"invocationSchemaVersion":"1.0","invocationId":"i","job":"j","tasks":[]}""", false)]
    [InlineData("""{"invocationSchemaVersion":"1.0","invocationId":"i","job":{},"tasks":{}}""", false)]
    [InlineData("""{"invocationId":"i","job":{},"tasks":[]}""", false)]
    [InlineData("""{"invocationSchemaVersion":"1.0","invocationId":"i","treatMissingKeysAs":"PermanentFailure","results":[]}""", false)]
    [InlineData("""{"detail":{"invocationSchemaVersion":"1.0","job":{},"tasks":[]}}""", false)]
    public void The_classifier_needs_all_three_top_level_properties(string json, bool isS3Batch) =>
        Assert.Equal(isS3Batch, EventSourceClassifier.Instance.ClassifyPayload(Encoding.UTF8.GetBytes(json)) == EventSource.S3Batch);

    [Fact]
    public async Task SQS_Firehose_and_S3_Batch_each_route_their_own_events()
    {
        var sqs = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapFirehose((record, _, _) => ValueTask.FromResult(FirehoseResult.Ok(record.DecodeData())));
        app.MapSqs((message, _, _) => { sqs.Enqueue(message.MessageId); return ValueTask.CompletedTask; });
        app.MapS3BatchOperations((record, _, _) => ValueTask.FromResult(S3BatchResult.Succeeded(record.Key)));
        await using var host = await LambdaTestHost.StartAsync(app);

        var fromSqs = await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", "{}")));
        var fromS3Batch = await host.InvokeFileAsync(Sample("s3-batch-job-event-request-2.0.json"));
        var fromResponse = await host.InvokeFileAsync(Sample("s3-batch-job-event-response.json"));

        Assert.Empty(fromSqs.Failed());
        Assert.Equal(["m1"], sqs);
        Assert.Equal("customerImage1.jpg", Assert.Single(Read(fromS3Batch).Results).ResultString);
        Assert.Equal(LambdaErrorTypes.NoHandler, fromResponse.Error?.ErrorType);
    }
}
