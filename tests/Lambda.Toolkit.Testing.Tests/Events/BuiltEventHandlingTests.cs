using System.Collections.Concurrent;
using System.Text;
using Lambda.Toolkit.Batch;
using Lambda.Toolkit.Batch.CloudWatchLogs;
using Lambda.Toolkit.Batch.DynamoDbStreams;
using Lambda.Toolkit.Batch.EventBridge;
using Lambda.Toolkit.Batch.Firehose;
using Lambda.Toolkit.Batch.Kinesis;
using Lambda.Toolkit.Batch.S3;
using Lambda.Toolkit.Batch.Sns;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.DynamoDb;
using Lambda.Toolkit.Http;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary>A function mapped with each adapter, run under <see cref="LambdaTestHost"/>, accepts and handles each built event.</summary>
public sealed class BuiltEventHandlingTests
{
    private static LambdaApplication App()
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        return builder.Build();
    }

    private static string[] Failures(TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return result.ReadResponse(LambdaEventsJsonContext.Default.BatchResponse).BatchItemFailures.Select(f => f.ItemIdentifier).ToArray();
    }

    [Theory]
    [InlineData(HttpEventSource.RestApi)]
    [InlineData(HttpEventSource.HttpApi)]
    [InlineData(HttpEventSource.FunctionUrl)]
    [InlineData(HttpEventSource.Alb)]
    [InlineData(HttpEventSource.AlbMultiValue)]
    public async Task An_HTTP_route_handles_the_request_in_every_source_form(HttpEventSource source)
    {
        var app = App();
        var api = app.MapHttpApi();
        api.MapPost("/orders/{id}", (request, _) =>
        {
            var order = request.ReadJson(JsonContext.Default.Order);
            var echo = new Dictionary<string, string>
            {
                ["id"] = request.RouteValue("id")!,
                ["item"] = order.Item,
                ["tags"] = string.Join("|", request.QueryValues("tag")),
                ["header"] = string.Join("|", request.HeaderValues("X-Custom")),
                ["session"] = request.Cookies.TryGetValue("session", out var s) ? s : string.Empty,
                ["ip"] = request.SourceIp ?? string.Empty,
            };
            return ValueTask.FromResult(HttpResult.Ok(echo, JsonContext.Default.DictionaryStringString));
        });
        api.MapPut("/blobs", (request, _) => ValueTask.FromResult(HttpResult.Text(Convert.ToHexString(request.Body.Span))));
        await using var host = await LambdaTestHost.StartAsync(app);

        var json = await host.InvokeAsync(new HttpRequestEventBuilder("POST", "/orders/42?tag=a&tag=b")
            .WithHeader("X-Custom", "v")
            .WithCookie("session", "abc")
            .WithSourceIp("198.51.100.7")
            .WithJsonBody(new Order(42, "book"), JsonContext.Default.Order)
            .ToJson(source));
        var binary = await host.InvokeAsync(new HttpRequestEventBuilder("PUT", "/blobs").WithBinaryBody([0xCA, 0xFE, 0x00]).ToJson(source));

        var (status, body) = Read(json, source);
        Assert.Equal(200, status);
        using var echo = System.Text.Json.JsonDocument.Parse(body);
        Assert.Equal("42", echo.RootElement.GetProperty("id").GetString());
        Assert.Equal("book", echo.RootElement.GetProperty("item").GetString());
        // A load balancer without multi-value headers passes only the last value of a repeated query parameter.
        Assert.Equal(source == HttpEventSource.Alb ? "b" : "a|b", echo.RootElement.GetProperty("tags").GetString());
        Assert.Equal("v", echo.RootElement.GetProperty("header").GetString());
        Assert.Equal("abc", echo.RootElement.GetProperty("session").GetString());
        if (source is not HttpEventSource.Alb and not HttpEventSource.AlbMultiValue)
        {
            Assert.Equal("198.51.100.7", echo.RootElement.GetProperty("ip").GetString());
        }

        Assert.Equal((200, "CAFE00"), Read(binary, source));
    }

    private static (int Status, string Body) Read(TestInvocationResult result, HttpEventSource source)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return source switch
        {
            HttpEventSource.RestApi => result.ReadResponse(LambdaEventsJsonContext.Default.ApiGatewayProxyResponse) is var r ? (r.StatusCode, r.Body ?? string.Empty) : default,
            HttpEventSource.Alb or HttpEventSource.AlbMultiValue => result.ReadResponse(LambdaEventsJsonContext.Default.AlbResponse) is var a ? (a.StatusCode, a.Body ?? string.Empty) : default,
            _ => result.ReadResponse(LambdaEventsJsonContext.Default.HttpApiResponse) is var h ? (h.StatusCode, h.Body ?? string.Empty) : default,
        };
    }

    [Fact]
    public async Task An_SQS_FIFO_batch_is_handled_in_order_and_a_failed_message_is_reported_with_the_rest_of_its_group()
    {
        var seen = new ConcurrentQueue<int>();
        var app = App();
        app.MapSqs(JsonContext.Default.Order, (order, _, _) =>
        {
            seen.Enqueue(order.OrderId);
            return order.Item == "bad" ? throw new InvalidOperationException("no") : ValueTask.CompletedTask;
        }, o => o.Retry.MaxRetryAttempts = 0);
        await using var host = await LambdaTestHost.StartAsync(app);
        var batch = new SqsEventBuilder("orders.fifo")
            .AddMessage(new Order(1, "a"), JsonContext.Default.Order, m => { m.GroupId = "g"; m.MessageId = "m1"; })
            .AddMessage(new Order(2, "bad"), JsonContext.Default.Order, m => { m.GroupId = "g"; m.MessageId = "m2"; })
            .AddMessage(new Order(3, "c"), JsonContext.Default.Order, m => { m.GroupId = "g"; m.MessageId = "m3"; });

        var result = await host.InvokeAsync(batch.ToJson());

        Assert.Equal(["m2", "m3"], Failures(result));
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public async Task A_standard_SQS_batch_reports_only_the_failed_message()
    {
        var app = App();
        app.MapSqs((message, _, _) => message.Body == "bad" ? throw new InvalidOperationException("no") : ValueTask.CompletedTask, o => o.Retry.MaxRetryAttempts = 0);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(new SqsEventBuilder().AddMessage("ok").AddMessage("bad", m => m.MessageId = "m2").AddMessage("ok").ToJson());

        Assert.Equal(["m2"], Failures(result));
    }

    [Fact]
    public async Task A_Kinesis_batch_is_handled_in_order_and_a_failure_is_reported_by_its_sequence_number()
    {
        var seen = new ConcurrentQueue<string>();
        var app = App();
        app.MapKinesis((record, _, _) =>
        {
            var data = Encoding.UTF8.GetString(record.Kinesis.DecodeData());
            seen.Enqueue(data);
            return data == "bad" ? throw new InvalidOperationException("no") : ValueTask.CompletedTask;
        }, o => o.Retry.MaxRetryAttempts = 0);
        await using var host = await LambdaTestHost.StartAsync(app);
        var batch = new KinesisEventBuilder().AddRecord("one").AddRecord("bad").AddRecord("three").Build();

        var result = await host.InvokeAsync(batch, LambdaEventsJsonContext.Default.KinesisEvent);

        Assert.Equal([batch.Records[1].Kinesis.SequenceNumber], Failures(result));
        Assert.Equal(["one", "bad"], seen);
    }

    [Fact]
    public async Task A_DynamoDB_Streams_batch_binds_the_images_to_the_item_type()
    {
        var changes = new ConcurrentQueue<(DynamoDbChange Change, Item? New, Item? Old)>();
        var app = App();
        app.MapDynamoDbStream(JsonContext.Default.Item, (change, _, _) => { changes.Enqueue((change.Change, change.NewItem, change.OldItem)); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(new DynamoDbStreamEventBuilder("products")
            .AddInsert(new Item("p1", 9.5m), JsonContext.Default.Item)
            .AddModify(new Item("p1", 9.5m), new Item("p1", 8m), JsonContext.Default.Item)
            .AddRemove(new Item("p1", 8m), JsonContext.Default.Item, expiredByTimeToLive: true)
            .ToJson());

        Assert.Empty(Failures(result));
        Assert.Equal(
            [(DynamoDbChange.Insert, new Item("p1", 9.5m), null), (DynamoDbChange.Modify, new Item("p1", 8m), new Item("p1", 9.5m)), (DynamoDbChange.Remove, null, new Item("p1", 8m))],
            changes);
    }

    [Fact]
    public async Task An_S3_notification_arrives_with_decoded_keys()
    {
        var keys = new ConcurrentQueue<string>();
        var app = App();
        app.MapS3((record, _, _) => { keys.Enqueue(record.S3.Object.DecodedKey); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(new S3EventBuilder("uploads").AddObjectCreated("reports/march 2026 + q1.csv").AddObjectRemoved("tmp/a.txt").ToJson());

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(["reports/march 2026 + q1.csv", "tmp/a.txt"], keys);
    }

    [Fact]
    public async Task An_SNS_notification_binds_its_message_to_a_type()
    {
        var seen = new ConcurrentQueue<Order>();
        var app = App();
        app.MapSns(JsonContext.Default.Order, (order, _, _) => { seen.Enqueue(order); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(new SnsEventBuilder("orders").AddMessage(new Order(5, "lamp"), JsonContext.Default.Order, subject: "new order").ToJson());

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal([new Order(5, "lamp")], seen);
    }

    [Fact]
    public async Task An_EventBridge_event_binds_its_detail_to_a_type()
    {
        var seen = new ConcurrentQueue<(string Source, Order Detail)>();
        var app = App();
        app.MapEventBridge(JsonContext.Default.Order, (e, _, _) => { seen.Enqueue((e.Source, e.Detail!)); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(new EventBridgeEventBuilder("com.example.orders", "Order Placed").WithDetail(new Order(9, "desk"), JsonContext.Default.Order).ToJson());

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal([("com.example.orders", new Order(9, "desk"))], seen);
    }

    [Fact]
    public async Task A_CloudWatch_Logs_event_is_handled_one_log_event_at_a_time_and_a_control_message_calls_nothing()
    {
        var seen = new ConcurrentQueue<(string LogGroup, string Message)>();
        var app = App();
        app.MapCloudWatchLogs((logEvent, context, _) => { seen.Enqueue((context.Record.LogGroup!, logEvent.Message!)); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var data = await host.InvokeAsync(new CloudWatchLogsEventBuilder("/aws/lambda/orders").AddLogEvent("one").AddLogEvent(new Order(1, "pen"), JsonContext.Default.Order).ToJson());
        var control = await host.InvokeAsync(new CloudWatchLogsEventBuilder().AsControlMessage().ToJson());

        Assert.True(data.IsSuccess, data.Error?.ErrorMessage);
        Assert.True(control.IsSuccess, control.Error?.ErrorMessage);
        Assert.Equal([("/aws/lambda/orders", "one"), ("/aws/lambda/orders", """{"orderId":1,"item":"pen"}""")], seen);
    }

    [Fact]
    public async Task A_Firehose_event_binds_each_record_and_answers_every_record_id()
    {
        var app = App();
        app.MapFirehose(JsonContext.Default.Order, (order, _, _) => ValueTask.FromResult(
            order.OrderId == 2 ? FirehoseResult.Dropped : FirehoseResult.Ok(order with { Item = order.Item.ToUpperInvariant() }, JsonContext.Default.Order)));
        await using var host = await LambdaTestHost.StartAsync(app);
        var builder = new FirehoseEventBuilder().AddRecord(new Order(1, "pen"), JsonContext.Default.Order).AddRecord(new Order(2, "ink"), JsonContext.Default.Order).AddRecord("not json");
        var @event = builder.Build();

        var result = await host.InvokeAsync(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(@event, LambdaEventsJsonContext.Default.FirehoseEvent));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var records = result.ReadResponse(LambdaEventsJsonContext.Default.FirehoseResponse).Records;
        Assert.Equal(@event.Records.Select(r => r.RecordId), records.Select(r => r.RecordId));
        Assert.Equal(["Ok", "Dropped", "ProcessingFailed"], records.Select(r => r.Result.ToString()));
        Assert.Equal("""{"orderId":1,"item":"PEN"}""", Encoding.UTF8.GetString(Convert.FromBase64String(records[0].Data!)));
    }

    [Fact]
    public async Task Built_S3_and_Scheduler_events_reach_their_typed_EventBridge_maps()
    {
        var seen = new ConcurrentQueue<string>();
        var app = App();
        app.MapEventBridge("aws.s3", "Object Created", LambdaEventsJsonContext.Default.S3ObjectCreatedDetail, (e, _, _) => { seen.Enqueue($"created {e.Detail!.Bucket.Name}/{e.Detail.Object.Key} {e.Detail.Object.Size}"); return ValueTask.CompletedTask; });
        app.MapEventBridge("aws.s3", "Object Deleted", LambdaEventsJsonContext.Default.S3ObjectDeletedDetail, (e, _, _) => { seen.Enqueue($"deleted {e.Detail!.Object.Key} {e.Detail.DeletionType}"); return ValueTask.CompletedTask; });
        app.MapEventBridge("aws.scheduler", "Scheduled Event", LambdaEventsJsonContext.Default.ScheduledEventDetail, (e, _, _) => { seen.Enqueue("schedule " + e.Resources![0]); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        foreach (var e in new[] { EventBridgeEventBuilder.S3ObjectCreated("photos", "cats/tom.jpg", 2048), EventBridgeEventBuilder.S3ObjectDeleted("photos", "cats/tom.jpg", "Delete Marker Created"), EventBridgeEventBuilder.FromScheduler("nightly") })
        {
            var result = await host.InvokeAsync(e.ToJson());
            Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        }

        Assert.Equal(["created photos/cats/tom.jpg 2048", "deleted cats/tom.jpg Delete Marker Created", "schedule arn:aws:scheduler:us-east-1:123456789012:schedule/default/nightly"], seen);
    }
}
