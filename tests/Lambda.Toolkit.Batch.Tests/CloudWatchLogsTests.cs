using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Lambda.Toolkit.Batch.CloudWatchLogs;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Sns;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Tests;

public class CloudWatchLogsTests
{
    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", file);

    private static void Quick(BatchOptions o)
    {
        o.Retry.Delay = TimeSpan.Zero;
        o.Retry.UseJitter = false;
    }

    /// <summary>A subscription event whose data is the gzip of <paramref name="json"/>.</summary>
    private static string Logs(string json)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(json));
        }

        return Raw(Convert.ToBase64String(output.ToArray()));
    }

    private static string Raw(string data) => $$$"""{"awslogs":{"data":"{{{data}}}"}}""";

    private static string DataMessage(params (string Id, string Message)[] events) =>
        Logs($$"""
            {"messageType":"DATA_MESSAGE","owner":"111122223333","logGroup":"/aws/lambda/orders","logStream":"2026/12/02/[$LATEST]abc",
             "subscriptionFilters":["errors"],"logEvents":[{{string.Join(",", events.Select(e => $$"""{"id":"{{e.Id}}","timestamp":1764662400000,"message":"{{e.Message}}"}"""))}}]}
            """);

    [Fact]
    public async Task The_AWS_sample_is_handled_once_per_log_event_in_order_with_group_and_stream()
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapCloudWatchLogs((logEvent, context, _) =>
        {
            var record = context.Record;
            Assert.Same(logEvent, record.LogEvent);
            seen.Enqueue($"{record.Owner}/{record.LogGroup}/{record.LogStream}/{record.Data.SubscriptionFilters![0]}: {logEvent.Id} {logEvent.Timestamp} {logEvent.Message}");
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("cloudwatch-logs/logs-event.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal(
            [
                "123456789123/testLogGroup/testLogStream/testFilter: eventId1 1440442987000 [ERROR] First test message",
                "123456789123/testLogGroup/testLogStream/testFilter: eventId2 1440442987001 [ERROR] Second test message",
            ],
            seen);
    }

    [Fact]
    public async Task A_control_message_is_acknowledged_without_calling_the_handler()
    {
        var calls = 0;
        var app = Batches.Builder().Build();
        app.MapCloudWatchLogs((_, _, _) => { Interlocked.Increment(ref calls); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Logs("""
            {"messageType":"CONTROL_MESSAGE","owner":"CloudwatchLogs","logGroup":"","logStream":"","subscriptionFilters":[],
             "logEvents":[{"id":"","timestamp":1764662400000,"message":"CWL CONTROL MESSAGE: Checking health of destination Lambda function."}]}
            """));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task A_failing_log_event_is_retried_then_fails_the_invocation_and_later_ones_are_not_handled()
    {
        var handled = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapCloudWatchLogs((logEvent, _, _) =>
        {
            handled.Enqueue(logEvent.Id);
            return logEvent.Message == "bad" ? throw new InvalidDataException("cannot parse the line") : ValueTask.CompletedTask;
        }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(DataMessage(("1", "ok"), ("2", "bad"), ("3", "ok")));

        Assert.False(result.IsSuccess);
        Assert.Equal("InvalidDataException", result.Error!.ErrorType);
        Assert.Equal("cannot parse the line", result.Error.ErrorMessage);
        Assert.Equal(["1", "2", "2", "2"], handled); // 1 attempt + 2 retries for "2"; "3" waits for Lambda's retry
    }

    [Theory]
    [InlineData("not base64!", "the data is not valid base64.")]
    [InlineData("eyJtZXNzYWdlVHlwZSI6IkRBVEFfTUVTU0FHRSJ9", "the data is base64 but not valid gzip.")] // base64 of plain JSON
    public async Task Data_that_is_not_base64_gzip_fails_the_invocation_as_an_invalid_event(string data, string reason)
    {
        var calls = 0;
        var app = Batches.Builder().Build();
        app.MapCloudWatchLogs((_, _, _) => { calls++; return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Raw(data));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Equal("The payload is not a valid CloudWatchLogsEvent at $.awslogs.data: " + reason, result.Error.ErrorMessage);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Decompressed_data_of_the_wrong_shape_fails_as_an_invalid_event_naming_the_path_inside_it()
    {
        var app = Batches.Builder().Build();
        app.MapCloudWatchLogs((_, _, _) => ValueTask.CompletedTask);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Logs("""{"messageType":"DATA_MESSAGE","logEvents":[{"id":"1","timestamp":"soon"}]}"""));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.StartsWith("The payload is not a valid CloudWatchLogsEvent at $.awslogs.data: the decompressed data is not a valid CloudWatchLogsData at $.logEvents[0].timestamp", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task A_log_event_handled_before_is_skipped_keyed_by_its_id()
    {
        var store = new InMemoryIdempotencyStore();
        var handled = new ConcurrentQueue<string>();
        var builder = Batches.Builder();
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        app.MapCloudWatchLogs((logEvent, _, _) => { handled.Enqueue(logEvent.Id); return ValueTask.CompletedTask; }, o => o.Idempotency = Idempotent.With<InMemoryIdempotencyStore>());
        await using var host = await LambdaTestHost.StartAsync(app);

        Assert.True((await host.InvokeAsync(DataMessage(("37", "a"), ("38", "b")))).IsSuccess);
        Assert.True((await host.InvokeAsync(DataMessage(("38", "b"), ("39", "c")))).IsSuccess);

        Assert.Equal(["37", "38", "39"], handled);
        Assert.Equal(IdempotencyClaim.AlreadyCompleted, await store.TryClaimAsync("test-function#38", TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_wrong_option_and_a_dead_letter_fail_init()
    {
        var app = Batches.Builder().Build();
        app.MapCloudWatchLogs((_, _, _) => ValueTask.CompletedTask, o =>
        {
            o.MaxDegreeOfParallelism = 0;
            o.DeadLetter = DeadLetters.To(_ => new RecordingSink());
        });

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("CloudWatch Logs: MaxDegreeOfParallelism", error.Message, StringComparison.Ordinal);
        Assert.Contains("CloudWatch Logs: Dead letters do not apply to asynchronous sources", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SQS_and_SNS_still_find_their_own_events_beside_CloudWatch_Logs()
    {
        var sources = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapCloudWatchLogs((_, _, _) => { sources.Enqueue("logs"); return ValueTask.CompletedTask; });
        app.MapSqs((_, _, _) => { sources.Enqueue("sqs"); return ValueTask.CompletedTask; });
        app.MapSns((_, _, _) => { sources.Enqueue("sns"); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        foreach (var file in new[] { "sqs/sqs-event.json", "cloudwatch-logs/logs-event.json", "sns/sns-event.json" })
        {
            var result = await host.InvokeFileAsync(Sample(file));
            Assert.True(result.IsSuccess, file + ": " + result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        }

        Assert.Equal(["sqs", "logs", "logs", "sns"], sources);
    }

    [Fact]
    public async Task An_awslogs_property_after_others_still_classifies_as_CloudWatch_Logs()
    {
        var handled = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapSqs((_, _, _) => { handled.Enqueue("sqs"); return ValueTask.CompletedTask; });
        app.MapCloudWatchLogs((logEvent, _, _) => { handled.Enqueue(logEvent.Id); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);
        var awslogs = DataMessage(("7", "m"))[1..]; // the event without its opening brace

        var result = await host.InvokeAsync("""{"note":{"Records":[]},""" + awslogs);

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal(["7"], handled);
    }

    [Fact]
    public async Task A_logs_event_is_unrouted_when_only_SQS_is_mapped()
    {
        var app = Batches.Builder().Build();
        app.MapSqs((_, _, _) => ValueTask.CompletedTask);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("cloudwatch-logs/logs-event.json"));

        Assert.Equal(LambdaErrorTypes.NoHandler, result.Error!.ErrorType);
    }
}
