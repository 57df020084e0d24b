using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Batch.Firehose;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Firehose;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Tests;

public class FirehoseTests
{
    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", "firehose", file);

    private static string Event(params (string Id, string Data)[] records) => JsonSerializer.Serialize(
        new FirehoseEvent
        {
            InvocationId = "inv-1",
            DeliveryStreamArn = "arn:aws:firehose:us-east-1:123456789012:deliverystream/orders",
            Region = "us-east-1",
            Records = records.Select(r => new FirehoseRecord { RecordId = r.Id, Data = r.Data, ApproximateArrivalTimestamp = JsonDocument.Parse("1495072949453").RootElement }).ToList(),
        },
        LambdaEventsJsonContext.Default.FirehoseEvent);

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static FirehoseResponse Read(TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return result.ReadResponse(LambdaEventsJsonContext.Default.FirehoseResponse);
    }

    [Theory]
    [InlineData("kinesis-firehose-event.json", "hello world")]
    [InlineData("kinesis-firehose.json", "Hello, this is a test 123.")]
    [InlineData("kinesis-firehose-streams-as-source.json", "Hello, this is a test 123.")]
    public async Task AWS_samples_are_transformed_to_new_base64_data(string file, string text)
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapFirehose((record, _, _) =>
        {
            var data = Encoding.UTF8.GetString(record.DecodeData());
            seen.Enqueue(data);
            return ValueTask.FromResult(FirehoseResult.Ok(data.ToUpperInvariant()));
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var response = Read(await host.InvokeFileAsync(Sample(file)));

        Assert.Equal([text], seen);
        var answer = Assert.Single(response.Records);
        Assert.Equal(FirehoseRecordResult.Ok, answer.Result);
        Assert.Equal(B64(text.ToUpperInvariant()), answer.Data);
        Assert.Null(answer.Metadata);
    }

    [Fact]
    public async Task Every_record_is_answered_once_in_order_with_Ok_Dropped_and_ProcessingFailed()
    {
        var app = Batches.Builder().Build();
        app.MapFirehose(
            (record, _, _) => ValueTask.FromResult(Encoding.UTF8.GetString(record.DecodeData()) switch
            {
                "drop" => FirehoseResult.Dropped,
                "fail" => FirehoseResult.ProcessingFailed,
                var text => FirehoseResult.Ok(text + "!"),
            }),
            o => o.MaxDegreeOfParallelism = 4);
        await using var host = await LambdaTestHost.StartAsync(app);
        var records = Enumerable.Range(0, 40).Select(i => ("r" + i, B64(i % 3 == 1 ? "drop" : i % 3 == 2 ? "fail" : "v" + i))).ToArray();

        var response = Read(await host.InvokeAsync(Event(records)));

        Assert.Equal(records.Select(r => r.Item1), response.Records.Select(r => r.RecordId));
        for (var i = 0; i < records.Length; i++)
        {
            var answer = response.Records[i];
            var (result, data) = (i % 3) switch
            {
                0 => (FirehoseRecordResult.Ok, B64("v" + i + "!")),
                1 => (FirehoseRecordResult.Dropped, records[i].Item2),
                _ => (FirehoseRecordResult.ProcessingFailed, records[i].Item2),
            };
            Assert.Equal(result, answer.Result);
            Assert.Equal(data, answer.Data);
        }
    }

    [Fact]
    public async Task The_result_is_written_as_the_exact_strings()
    {
        var app = Batches.Builder().Build();
        app.MapFirehose((record, _, _) => ValueTask.FromResult(record.RecordId == "a" ? FirehoseResult.Ok("x") : record.RecordId == "b" ? FirehoseResult.Dropped : FirehoseResult.ProcessingFailed));
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Event(("a", B64("1")), ("b", B64("2")), ("c", B64("3"))));

        Assert.True(result.IsSuccess);
        Assert.Equal(
            $$"""{"records":[{"recordId":"a","result":"Ok","data":"{{B64("x")}}"},{"recordId":"b","result":"Dropped","data":"{{B64("2")}}"},{"recordId":"c","result":"ProcessingFailed","data":"{{B64("3")}}"}]}""",
            result.ResponseText);
    }

    [Fact]
    public async Task A_throwing_handler_fails_only_its_record_keeping_its_original_data()
    {
        var app = Batches.Builder().Build();
        app.MapFirehose(TestJson.Default.OrderPlaced, (order, _, _) =>
            order.Item == "bad" ? throw new InvalidOperationException("no") : ValueTask.FromResult(FirehoseResult.Ok(order with { Item = order.Item + "s" }, TestJson.Default.OrderPlaced)));
        await using var host = await LambdaTestHost.StartAsync(app);

        var response = Read(await host.InvokeAsync(Event(("1", B64(Batches.Order(1))), ("2", B64(Batches.Order(2, "bad"))), ("3", B64("not json")), ("4", B64(Batches.Order(4))))));

        Assert.Equal(["1", "2", "3", "4"], response.Records.Select(r => r.RecordId));
        Assert.Equal([FirehoseRecordResult.Ok, FirehoseRecordResult.ProcessingFailed, FirehoseRecordResult.ProcessingFailed, FirehoseRecordResult.Ok], response.Records.Select(r => r.Result));
        Assert.Equal(B64(Batches.Order(2, "bad")), response.Records[1].Data);
        Assert.Equal(B64("not json"), response.Records[2].Data);
        Assert.Equal(new OrderPlaced(4, "books"), JsonSerializer.Deserialize(Convert.FromBase64String(response.Records[3].Data!), TestJson.Default.OrderPlaced));
    }

    [Fact]
    public async Task Data_that_is_not_base64_fails_only_its_record_and_is_logged_without_calling_the_handler()
    {
        var handled = new ConcurrentQueue<string>();
        var log = new MemoryStream();
        var builder = Batches.Builder();
        builder.Services.Configure<Lambda.Toolkit.Logging.LambdaLoggerOptions>(o => o.Output = log);
        var app = builder.Build();
        app.MapFirehose((record, _, _) =>
        {
            handled.Enqueue(record.RecordId);
            return ValueTask.FromResult(FirehoseResult.Ok(record.DecodeData()));
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var response = Read(await host.InvokeAsync(Event(("ok", B64("a")), ("bad", "%%not base64%%"), ("ok2", B64("b")))));

        Assert.Equal(["ok", "ok2"], handled);
        Assert.Equal([FirehoseRecordResult.Ok, FirehoseRecordResult.ProcessingFailed, FirehoseRecordResult.Ok], response.Records.Select(r => r.Result));
        Assert.Equal("%%not base64%%", response.Records[1].Data);
        Assert.Contains("Firehose record bad answered ProcessingFailed without being handled: its data is not valid base64", Encoding.UTF8.GetString(log.ToArray()));
    }

    [Fact]
    public async Task Partition_keys_are_written_as_metadata()
    {
        var app = Batches.Builder().Build();
        app.MapFirehose(TestJson.Default.OrderPlaced, (order, _, _) =>
            ValueTask.FromResult(FirehoseResult.Ok(order, TestJson.Default.OrderPlaced).WithPartitionKey("item", order.Item).WithPartitionKey("year", "2026")));
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Event(("1", B64(Batches.Order(1, "pen")))));

        var answer = Assert.Single(Read(result).Records);
        Assert.Equal(new Dictionary<string, string> { ["item"] = "pen", ["year"] = "2026" }, answer.Metadata!.PartitionKeys);
        Assert.Contains("\"metadata\":{\"partitionKeys\":{\"item\":\"pen\",\"year\":\"2026\"}}", result.ResponseText);
    }

    [Fact]
    public async Task A_response_over_6_MB_fails_the_invocation_with_a_clear_error()
    {
        var app = Batches.Builder().Build();
        app.MapFirehose((_, _, _) => ValueTask.FromResult(FirehoseResult.Ok(new byte[2_000_000])));
        await using var host = await LambdaTestHost.StartAsync(app);

        var small = await host.InvokeAsync(Event(("1", B64("a")), ("2", B64("b"))));
        var result = await host.InvokeAsync(Event(("1", B64("a")), ("2", B64("b")), ("3", B64("c"))));

        Assert.True(small.IsSuccess, small.Error?.ErrorMessage);
        Assert.False(result.IsSuccess);
        Assert.Equal(LambdaErrorTypes.ResponseTooLarge, result.Error!.ErrorType);
        Assert.Matches(@"^The Firehose response for 3 records is \d{7,} bytes, over Lambda's response limit of 6291456 bytes", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task A_wrong_option_fails_init()
    {
        var app = Batches.Builder().Build();
        app.MapFirehose((_, _, _) => ValueTask.FromResult(FirehoseResult.Dropped), o => o.MaxDegreeOfParallelism = 0);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("Firehose: MaxDegreeOfParallelism must be at least 1 (was 0).", error.Message);
    }

    [Fact]
    public async Task SQS_and_Firehose_each_route_their_own_events()
    {
        var sqs = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapFirehose((record, _, _) => ValueTask.FromResult(FirehoseResult.Ok(record.DecodeData())));
        app.MapSqs((message, _, _) => { sqs.Enqueue(message.MessageId); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var fromSqs = await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", "{}")));
        var fromFirehose = await host.InvokeFileAsync(Sample("kinesis-firehose-event.json"));

        Assert.Empty(fromSqs.Failed());
        Assert.Equal(["m1"], sqs);
        Assert.Equal(FirehoseRecordResult.Ok, Assert.Single(Read(fromFirehose).Records).Result);
    }

    [Fact]
    public async Task An_event_without_deliveryStreamArn_is_not_taken_for_Firehose()
    {
        var app = Batches.Builder().Build();
        app.MapFirehose((_, _, _) => ValueTask.FromResult(FirehoseResult.Dropped));
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"invocationId":"x","records":[{"recordId":"1","data":"AA=="}]}""");

        Assert.Equal(LambdaErrorTypes.NoHandler, result.Error?.ErrorType);
    }
}
