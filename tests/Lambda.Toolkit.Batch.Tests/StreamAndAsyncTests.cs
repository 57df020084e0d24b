using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Batch.DynamoDbStreams;
using Lambda.Toolkit.Batch.EventBridge;
using Lambda.Toolkit.Batch.Kinesis;
using Lambda.Toolkit.Batch.S3;
using Lambda.Toolkit.Batch.Sns;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.DynamoDb;
using Lambda.Toolkit.Events.Kinesis;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Batch.Tests;

public class StreamAndAsyncTests
{
    private static void Quick(BatchOptions o)
    {
        o.Retry.Delay = TimeSpan.Zero;
        o.Retry.UseJitter = false;
    }

    [Fact]
    public async Task Kinesis_stops_at_the_first_failure_and_reports_only_its_sequence_number()
    {
        var handled = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapKinesis(TestJson.Default.OrderPlaced, (order, context, _) =>
        {
            handled.Enqueue(context.Record.Kinesis.SequenceNumber);
            return order.Item == "bad" ? throw new InvalidOperationException("no") : ValueTask.CompletedTask;
        }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Batches.Kinesis(("1", Batches.Order(1)), ("2", Batches.Order(2, "bad")), ("3", Batches.Order(3))));

        Assert.Equal(["2"], result.Failed());
        Assert.Equal(["1", "2", "2", "2"], handled); // 1 attempt + 2 retries for "2"; "3" is never handled
    }

    [Fact]
    public async Task Kinesis_sample_event_is_handled_in_order()
    {
        var data = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapKinesis((record, _, _) => { data.Enqueue(Encoding.UTF8.GetString(record.Kinesis.DecodeData())); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", "kinesis", "kinesis-event.json"));

        Assert.Empty(result.Failed());
        Assert.Equal(["Hello World", "Hello World"], data);
    }

    [Fact]
    public async Task DynamoDb_images_are_bound_to_the_item_type()
    {
        var changes = new ConcurrentQueue<(DynamoDbChange Change, Product? New, Product? Old)>();
        var app = Batches.Builder().Build();
        app.MapDynamoDbStream(TestJson.Default.Product, (change, _, _) =>
        {
            changes.Enqueue((change.Change, change.NewItem, change.OldItem));
            return ValueTask.CompletedTask;
        }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""
            {"Records":[
              {"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{"SequenceNumber":"10","Keys":{"id":{"S":"p1"}},"NewImage":{"id":{"S":"p1"},"price":{"N":"9.50"}}}},
              {"eventName":"MODIFY","eventSource":"aws:dynamodb","dynamodb":{"SequenceNumber":"11","NewImage":{"id":{"S":"p1"},"price":{"N":"8"}},"OldImage":{"id":{"S":"p1"},"price":{"N":"9.50"}}}},
              {"eventName":"REMOVE","eventSource":"aws:dynamodb","dynamodb":{"SequenceNumber":"12","Keys":{"id":{"S":"p1"}},"OldImage":{"id":{"S":"p1"},"price":{"N":"8"}}}}]}
            """);

        Assert.Empty(result.Failed());
        Assert.Equal(
            [(DynamoDbChange.Insert, new Product("p1", 9.50m), null), (DynamoDbChange.Modify, new Product("p1", 8m), new Product("p1", 9.50m)), (DynamoDbChange.Remove, null, new Product("p1", 8m))],
            changes);
    }

    [Fact]
    public async Task A_DynamoDb_image_of_the_wrong_shape_fails_that_record_permanently()
    {
        var attempts = 0;
        var app = Batches.Builder().Build();
        app.MapDynamoDbStream(TestJson.Default.Product, (_, _, _) => { attempts++; return ValueTask.CompletedTask; }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"Records":[{"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{"SequenceNumber":"7","NewImage":{"id":{"S":"p"},"price":{"S":"free"}}}}]}""");

        Assert.Equal(["7"], result.Failed());
        Assert.Equal(0, attempts);
    }

    [Fact]
    public async Task S3_keys_arrive_decoded_and_a_failure_is_rethrown_for_Lambda_to_retry()
    {
        var keys = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapS3((record, _, _) =>
        {
            keys.Enqueue(record.S3.Object.DecodedKey);
            return record.S3.Object.DecodedKey.EndsWith(".tmp", StringComparison.Ordinal) ? throw new InvalidDataException("temporary file") : ValueTask.CompletedTask;
        }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var ok = await host.InvokeAsync("""{"Records":[{"eventSource":"aws:s3","s3":{"bucket":{"name":"b"},"object":{"key":"reports/100%25+done+%2B+more.csv"}}}]}""");
        var failed = await host.InvokeAsync("""{"Records":[{"eventSource":"aws:s3","s3":{"bucket":{"name":"b"},"object":{"key":"x.tmp"}}}]}""");

        Assert.True(ok.IsSuccess);
        Assert.Equal("reports/100% done + more.csv", keys.First());
        Assert.Equal("InvalidDataException", failed.Error!.ErrorType);
        Assert.Equal("temporary file", failed.Error.ErrorMessage);
    }

    [Fact]
    public async Task SNS_messages_bind_to_a_type_and_failures_are_rethrown()
    {
        var seen = new ConcurrentQueue<Alarm>();
        var app = Batches.Builder().Build();
        app.MapSns(TestJson.Default.Alarm, (alarm, _, _) => { seen.Enqueue(alarm); return ValueTask.CompletedTask; }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var ok = await host.InvokeAsync("""{"Records":[{"EventSource":"aws:sns","Sns":{"MessageId":"1","Message":"{\"level\":\"high\"}"}}]}""");
        var sample = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", "sns", "sns-event.json"));

        Assert.True(ok.IsSuccess);
        Assert.Equal(new Alarm("high"), Assert.Single(seen));
        Assert.Equal(BatchErrorTypes.InvalidRecord, sample.Error!.ErrorType); // "Hello from SNS!" is not an Alarm
    }

    [Fact]
    public async Task EventBridge_detail_binds_to_a_type()
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapEventBridge(TestJson.Default.Alarm, (e, _, _) => { seen.Enqueue(e.Detail!.Level); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"id":"e1","detail-type":"Alarm","source":"monitor","detail":{"level":"low"}}""");

        Assert.True(result.IsSuccess);
        Assert.Equal(["low"], seen);
    }

    [Fact]
    public async Task Several_adapters_share_one_function_and_each_event_finds_its_own()
    {
        var sources = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapSqs((_, _, _) => { sources.Enqueue("sqs"); return ValueTask.CompletedTask; });
        app.MapKinesis((_, _, _) => { sources.Enqueue("kinesis"); return ValueTask.CompletedTask; });
        app.MapDynamoDbStream((_, _, _) => { sources.Enqueue("dynamodb"); return ValueTask.CompletedTask; });
        app.MapS3((_, _, _) => { sources.Enqueue("s3"); return ValueTask.CompletedTask; });
        app.MapSns((_, _, _) => { sources.Enqueue("sns"); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);
        string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", file);

        foreach (var file in new[] { "sqs/sqs-event.json", "kinesis/kinesis-event.json", "dynamodb/dynamodb-event.json", "s3/s3-put.json", "sns/sns-event.json" })
        {
            Assert.True((await host.InvokeFileAsync(Sample(file))).IsSuccess, file);
        }

        Assert.Equal(["sqs", "kinesis", "kinesis", "dynamodb", "dynamodb", "s3", "sns"], sources);
    }

    [Fact]
    public async Task An_empty_batch_succeeds_with_no_failures_and_a_missing_Records_is_unrouted()
    {
        var app = Batches.Builder().Build();
        app.MapSqs((_, _, _) => ValueTask.CompletedTask);
        await using var host = await LambdaTestHost.StartAsync(app);

        var empty = await host.InvokeAsync("""{"Records":[]}""");
        var missing = await host.InvokeAsync("""{"messages":[]}""");

        Assert.Equal("""{"batchItemFailures":[]}""", empty.ResponseText);
        Assert.Equal(LambdaErrorTypes.NoHandler, missing.Error!.ErrorType);
    }
}
