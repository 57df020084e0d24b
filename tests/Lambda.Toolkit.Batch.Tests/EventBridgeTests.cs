using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Batch.EventBridge;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Batch.Tests;

public class EventBridgeTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", file);

    private const string SchedulerEvent = """
        {"version":"0","id":"49672d39-8c3a-4cc6-8de5-c57b0acf718f","detail-type":"Scheduled Event","source":"aws.scheduler","account":"123456789012",
         "time":"2024-11-07T22:05:00Z","region":"eu-central-1","resources":["arn:aws:scheduler:eu-central-1:123456789012:schedule/default/nightly"],"detail":"{}"}
        """;

    private static string Custom(string source, string detailType, string detail = """{"level":"high"}""") =>
        $$"""{"id":"e-{{source}}","source":"{{source}}","detail-type":"{{detailType}}","detail":{{detail}}}""";

    /// <summary>One function, one map per (source, detail-type), each with its own detail type.</summary>
    private static (LambdaApplication App, ConcurrentQueue<string> Seen) Routed()
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapEventBridge("aws.s3", "Object Created", Context.S3ObjectCreatedDetail, (e, record, _) =>
        {
            Assert.Same(e, record.Record);
            seen.Enqueue($"created {e.Detail!.Bucket.Name}/{e.Detail.Object.Key} {e.Detail.Object.Size}");
            return ValueTask.CompletedTask;
        });
        app.MapEventBridge("aws.s3", "Object Deleted", Context.S3ObjectDeletedDetail, (e, _, _) => { seen.Enqueue($"deleted {e.Detail!.Object.Key} {e.Detail.DeletionType}"); return ValueTask.CompletedTask; });
        app.MapEventBridge("aws.events", "Scheduled Event", Context.ScheduledEventDetail, (e, _, _) => { seen.Enqueue($"rule {e.Resources![0]}"); return ValueTask.CompletedTask; });
        app.MapEventBridge("aws.scheduler", "Scheduled Event", Context.ScheduledEventDetail, (e, _, _) => { seen.Enqueue($"schedule {e.Resources![0]} {e.Detail is not null}"); return ValueTask.CompletedTask; });
        app.MapEventBridge("monitor", null, TestJson.Default.Alarm, (e, _, _) => { seen.Enqueue($"{e.DetailType} {e.Detail!.Level}"); return ValueTask.CompletedTask; });
        return (app, seen);
    }

    [Fact]
    public async Task Each_event_goes_to_the_map_of_its_source_and_detail_type_with_its_typed_detail()
    {
        var (app, seen) = Routed();
        await using var host = await LambdaTestHost.StartAsync(app);

        var results = new[]
        {
            await host.InvokeFileAsync(Sample("eventbridge/cloudwatchevents-s3objectcreated.json")),
            await host.InvokeFileAsync(Sample("eventbridge/scheduled-event.json")),
            await host.InvokeAsync(SchedulerEvent),
            await host.InvokeAsync(Custom("monitor", "Disk Full")),
            await host.InvokeAsync(Custom("aws.s3", "Object Deleted", """{"bucket":{"name":"b"},"object":{"key":"k"},"deletion-type":"Permanently Deleted"}""")),
        };

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.ErrorType + ": " + r.Error?.ErrorMessage));
        Assert.Equal(
            [
                "created DOC-EXAMPLE-BUCKET1/example-key 5",
                "rule arn:aws:events:us-east-1:123456789012:rule/my-schedule",
                "schedule arn:aws:scheduler:eu-central-1:123456789012:schedule/default/nightly True",
                "Disk Full high",
                "deleted k Permanently Deleted",
            ],
            seen);
    }

    [Fact]
    public async Task An_event_no_map_takes_is_unrouted()
    {
        var (app, seen) = Routed();
        await using var host = await LambdaTestHost.StartAsync(app);

        var otherSource = await host.InvokeAsync(Custom("com.example.orders", "Order Placed"));
        var otherType = await host.InvokeAsync(Custom("aws.s3", "Object Restore Completed", """{"bucket":{"name":"b"},"object":{"key":"k"}}"""));

        Assert.Equal(LambdaErrorTypes.NoHandler, otherSource.Error!.ErrorType);
        Assert.Equal(LambdaErrorTypes.NoHandler, otherType.Error!.ErrorType);
        Assert.Empty(seen);
    }

    [Fact]
    public async Task Values_are_compared_as_JSON_strings_so_escapes_still_match_and_a_prefix_does_not()
    {
        var (app, seen) = Routed();
        await using var host = await LambdaTestHost.StartAsync(app);

        var escaped = await host.InvokeAsync("""{"detail":{"level":"low"},"detail-type":"Disk\u0020Full","source":"moni\u0074or","id":"e1"}""");
        var prefix = await host.InvokeAsync(Custom("monitor2", "Disk Full"));
        var notAString = await host.InvokeAsync("""{"id":"e2","source":{"name":"monitor"},"detail-type":"Disk Full","detail":{"level":"low"}}""");

        Assert.True(escaped.IsSuccess, escaped.Error?.ErrorMessage);
        Assert.Equal(["Disk Full low"], seen);
        Assert.Equal(LambdaErrorTypes.NoHandler, prefix.Error!.ErrorType);
        Assert.Equal(LambdaErrorTypes.NoHandler, notAString.Error!.ErrorType);
    }

    [Fact]
    public async Task A_map_for_any_event_takes_what_the_specific_maps_before_it_leave()
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapEventBridge("monitor", "Disk Full", TestJson.Default.Alarm, (e, _, _) => { seen.Enqueue("disk " + e.Detail!.Level); return ValueTask.CompletedTask; });
        app.MapEventBridge(Context.JsonElement, (e, _, _) => { seen.Enqueue($"any {e.Source} {e.Detail.GetProperty("level").GetString()}"); return ValueTask.CompletedTask; });
        app.MapSqs((_, _, _) => { seen.Enqueue("sqs"); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        Assert.True((await host.InvokeAsync(Custom("monitor", "Disk Full"))).IsSuccess);
        Assert.True((await host.InvokeAsync(Custom("monitor", "CPU High"))).IsSuccess);
        Assert.True((await host.InvokeFileAsync(Sample("sqs/sqs-event.json"))).Failed().Length == 0);

        Assert.Equal(["disk high", "any monitor high", "sqs"], seen);
    }

    [Theory]
    [InlineData("aws.s3", "Object Created", "aws.s3", "Object Created", "EventBridge: source 'aws.s3' and detail-type 'Object Created' is mapped twice")]
    [InlineData("aws.s3", null, "aws.s3", "Object Created", "EventBridge: source 'aws.s3' and detail-type 'Object Created' is never reached: the map before it for source 'aws.s3' and detail-type (any)")]
    [InlineData(null, null, "aws.s3", null, "EventBridge: source 'aws.s3' and detail-type (any) is never reached: the map before it for source (any) and detail-type (any)")]
    [InlineData(null, "Scheduled Event", "aws.events", "Scheduled Event", "is never reached")]
    public async Task A_map_an_earlier_one_covers_fails_init(string? firstSource, string? firstType, string? source, string? detailType, string problem)
    {
        var app = Batches.Builder().Build();
        app.MapEventBridge(firstSource, firstType, Context.JsonElement, (_, _, _) => ValueTask.CompletedTask);
        app.MapEventBridge(source, detailType, Context.JsonElement, (_, _, _) => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_whole_event_s_JsonTypeInfo_where_the_detail_s_is_asked_for_fails_init_naming_the_fix()
    {
        var app = Batches.Builder().Build();
        app.MapEventBridge(Context.EventBridgeEventJsonElement, (_, _, _) => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("JsonTypeInfo of the whole event (EventBridgeEvent<JsonElement>)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Maps_that_overlap_only_in_part_are_fine_and_each_application_has_its_own_routes()
    {
        for (var i = 0; i < 2; i++)
        {
            var app = Batches.Builder().Build();
            app.MapEventBridge("aws.s3", "Object Created", Context.JsonElement, (_, _, _) => ValueTask.CompletedTask);
            app.MapEventBridge("aws.s3", null, Context.JsonElement, (_, _, _) => ValueTask.CompletedTask);
            app.MapEventBridge(null, "Object Created", Context.JsonElement, (_, _, _) => ValueTask.CompletedTask);

            await using var host = await LambdaTestHost.StartAsync(app);
            Assert.True((await host.InvokeFileAsync(Sample("eventbridge/cloudwatchevents-s3objectcreated.json"))).IsSuccess);
        }
    }

    [Fact]
    public async Task A_detail_that_is_not_the_type_fails_as_an_invalid_event_naming_the_event_and_the_path()
    {
        var calls = 0;
        var app = Batches.Builder().Build();
        app.MapEventBridge("aws.s3", "Object Created", Context.S3ObjectCreatedDetail, (_, _, _) => { calls++; return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Custom("aws.s3", "Object Created", """{"bucket":{"name":"b"},"object":{"key":"k","size":"big"}}"""));
        var after = await host.InvokeFileAsync(Sample("eventbridge/cloudwatchevents-s3objectcreated.json"));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.StartsWith(
            "The event is not a valid EventBridgeEvent<S3ObjectCreatedDetail> at $.detail.object.size: The detail of event e-aws.s3 is not a valid S3ObjectCreatedDetail",
            result.Error.ErrorMessage,
            StringComparison.Ordinal);
        Assert.True(after.IsSuccess); // the process keeps serving
        Assert.Equal(1, calls); // the good event only
    }

    [Fact]
    public async Task A_failing_handler_is_retried_then_rethrown_for_Lambda_s_own_retries()
    {
        var attempts = 0;
        var app = Batches.Builder().Build();
        app.MapEventBridge("monitor", "Disk Full", TestJson.Default.Alarm, (_, _, _) => { attempts++; throw new InvalidOperationException("disk unreachable"); }, o =>
        {
            o.Retry.MaxRetryAttempts = 1;
            o.Retry.Delay = TimeSpan.Zero;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Custom("monitor", "Disk Full"));

        Assert.Equal("InvalidOperationException", result.Error!.ErrorType);
        Assert.Equal("disk unreachable", result.Error.ErrorMessage);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public void The_header_classifier_finds_source_and_detail_type_wherever_they_are_and_allocates_nothing()
    {
        var payload = Encoding.UTF8.GetBytes("""{"detail":{"source":"inner","detail-type":"inner"},"id":"1","detail-type":"Object\u0020Created","resources":["x"],"source":"aws.s3","more":1}""");
        var context = new InvocationContext("r-1", DateTimeOffset.UtcNow.AddMinutes(1), payload);

        var header = context.Classify(EventBridgeHeaderClassifier.Instance);
        var again = EventBridgeHeaderClassifier.Scan(payload);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            again = EventBridgeHeaderClassifier.Scan(payload);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(header, again);
        Assert.Equal(header, context.Classify(EventBridgeHeaderClassifier.Instance)); // cached for the invocation
        Assert.True(header.SourceIs(payload, "aws.s3"u8.ToArray()));
        Assert.True(header.DetailTypeIs(payload, "Object Created"u8.ToArray()));
        Assert.False(header.SourceIs(payload, "inner"u8.ToArray()));
        Assert.Equal(0, allocated);
        Assert.Equal(EventBridgeHeader.None, EventBridgeHeaderClassifier.Scan("[1]"u8));
        Assert.Equal(-1, EventBridgeHeaderClassifier.Scan("""{"source":"a","detail-type":"""u8).DetailTypeStart);
    }
}
