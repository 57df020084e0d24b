using System.Collections.Concurrent;
using System.Text;
using Lambda.Toolkit.Batch.AmazonMq;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Kafka;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Tests;

public class AmazonMqTests
{
    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", file);

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static void Quick(BatchOptions o)
    {
        o.Retry.Delay = TimeSpan.Zero;
        o.Retry.UseJitter = false;
    }

    /// <summary>An ActiveMQ batch on one queue: each message's id and base64 data.</summary>
    private static string ActiveMq(params (string Id, string Data)[] messages) =>
        """{"eventSource":"aws:mq","eventSourceArn":"arn:aws:mq:us-east-1:123456789012:broker:b:b-1","messages":["""
        + string.Join(",", messages.Select(m => $$"""{"messageID":"{{m.Id}}","messageType":"jms/text-message","data":"{{m.Data}}","destination":{"physicalName":"orders"},"timestamp":1764662400000}"""))
        + "]}";

    /// <summary>A RabbitMQ batch on <c>orders::/</c>: each message's id (or none) and base64 data.</summary>
    private static string RabbitMq(params (string? Id, string Data)[] messages) =>
        """{"eventSource":"aws:rmq","eventSourceArn":"arn:aws:mq:us-east-1:123456789012:broker:r:b-2","rmqMessagesByQueue":{"orders::/":["""
        + string.Join(",", messages.Select(m => $$$"""{"basicProperties":{"messageId":{{{(m.Id is null ? "null" : "\"" + m.Id + "\"")}}},"deliveryMode":1,"headers":{}},"redelivered":false,"data":"{{{m.Data}}}"}"""))
        + "]}}";

    [Fact]
    public async Task The_ActiveMQ_sample_is_handled_in_order()
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapActiveMq((message, context, _) =>
        {
            Assert.Same(message, context.Record);
            seen.Enqueue($"{message.MessageType} {message.Destination!.PhysicalName} {message.DecodeData().Length}");
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("mq/amazonmq-activemq.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal(["jms/text-message testQueue 8", "jms/bytes-message testQueue 20"], seen);
    }

    [Fact]
    public async Task The_RabbitMQ_sample_is_handled_in_order_with_its_queue_and_virtual_host()
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapRabbitMq((message, context, _) =>
        {
            var record = context.Record;
            Assert.Same(message, record.Message);
            seen.Enqueue($"{record.Queue} {record.VirtualHost} {record.Id} {record.EventSourceArn![^36..]} {message.GetDataString()}");
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("mq/amazonmq-rabbitmq.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal(
            [
                """pizzaQueue / pizzaQueue::/[0] 9bcfa592-423a-4942-879d-eb284b418fc8 {"timeout":0,"data":"CZrmf0Gw8Ov4bqLQxD4E"}""",
                "pizzaQueue / pizzaQueue::/[1] 9bcfa592-423a-4942-879d-eb284b418fc8 Hello World",
            ],
            seen);
    }

    [Fact]
    public async Task ActiveMQ_bodies_bind_and_a_failure_stops_the_queue_and_fails_the_invocation_naming_the_message()
    {
        var handled = new ConcurrentQueue<int>();
        var app = Batches.Builder().Build();
        app.MapActiveMq(TestJson.Default.OrderPlaced, (order, _, _) =>
        {
            handled.Enqueue(order.OrderId);
            return order.Item == "bad" ? throw new PermanentFailureException("the order cannot ship") : ValueTask.CompletedTask;
        }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(ActiveMq(("ID:1", B64(Batches.Order(1))), ("ID:2", B64(Batches.Order(2, "bad"))), ("ID:3", B64(Batches.Order(3)))));

        Assert.Equal(BatchErrorTypes.PermanentFailure, result.Error!.ErrorType);
        Assert.Equal(
            "ActiveMQ record ID:2 failed (1 more of the batch's 3 records failed or were not handled), so the whole batch fails and Lambda delivers it again (ActiveMQ has no partial batch response): the order cannot ship",
            result.Error.ErrorMessage);
        Assert.Equal([1, 2], handled); // permanent: no retries; ID:3 comes again with the batch
    }

    [Fact]
    public async Task An_ActiveMQ_body_that_is_not_base64_fails_that_message_only()
    {
        var handled = new ConcurrentQueue<int>();
        var sink = new RecordingSink();
        var builder = Batches.Builder();
        builder.Services.AddSingleton(sink);
        var app = builder.Build();
        app.MapActiveMq(TestJson.Default.OrderPlaced, (order, _, _) => { handled.Enqueue(order.OrderId); return ValueTask.CompletedTask; }, o => o.DeadLetter = DeadLetters.To<RecordingSink>());
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(ActiveMq(("ID:1", B64(Batches.Order(1))), ("ID:2", "not base64!"), ("ID:3", B64(Batches.Order(3)))));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal([1, 3], handled);
        var letter = Assert.Single(sink.Sent);
        Assert.Equal(("ID:2", BatchErrorTypes.InvalidRecord, "The data of ActiveMQ message ID:2 is not valid base64.", "orders"), (letter.RecordId, letter.ErrorType, letter.ErrorMessage, letter.Source));
        Assert.Contains("\"messageID\":\"ID:2\"", letter.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!", "The data of RabbitMQ message orders::/[1] is not valid base64.")]
    [InlineData("eyJvcmRlcklkIjpbXX0=", "The data of RabbitMQ message orders::/[1] is not a valid OrderPlaced at $.orderId.")] // {"orderId":[]}
    public async Task A_RabbitMQ_body_that_cannot_be_bound_fails_that_message_naming_it(string data, string message)
    {
        var handled = new ConcurrentQueue<int>();
        var app = Batches.Builder().Build();
        app.MapRabbitMq(TestJson.Default.OrderPlaced, (order, _, _) => { handled.Enqueue(order.OrderId); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(RabbitMq((null, B64(Batches.Order(1))), (null, data), (null, B64(Batches.Order(3)))));

        Assert.Equal(BatchErrorTypes.InvalidRecord, result.Error!.ErrorType);
        Assert.StartsWith("RabbitMQ record orders::/[1] failed", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.EndsWith(": " + message, result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([1], handled);
    }

    [Fact]
    public async Task RabbitMQ_idempotency_uses_the_message_id_or_a_hash_of_the_message()
    {
        var store = new InMemoryIdempotencyStore();
        var handled = new ConcurrentQueue<string>();
        var builder = Batches.Builder();
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        app.MapRabbitMq((message, context, _) => { handled.Enqueue(context.Record.Id + "=" + message.GetDataString()); return ValueTask.CompletedTask; }, o => o.Idempotency = Idempotent.With<InMemoryIdempotencyStore>());
        await using var host = await LambdaTestHost.StartAsync(app);

        Assert.True((await host.InvokeAsync(RabbitMq(("m-1", B64("a")), (null, B64("b"))))).IsSuccess);
        Assert.True((await host.InvokeAsync(RabbitMq(("m-1", B64("a")), (null, B64("b")), (null, B64("c"))))).IsSuccess);

        Assert.Equal(["m-1=a", "orders::/[1]=b", "orders::/[2]=c"], handled);
        Assert.Equal(IdempotencyClaim.AlreadyCompleted, await store.TryClaimAsync("test-function#m-1", TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task ActiveMQ_idempotency_is_keyed_by_the_message_id()
    {
        var store = new InMemoryIdempotencyStore();
        var handled = new ConcurrentQueue<string>();
        var builder = Batches.Builder();
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        app.MapActiveMq((message, _, _) => { handled.Enqueue(message.MessageId); return ValueTask.CompletedTask; }, o => o.Idempotency = Idempotent.With<InMemoryIdempotencyStore>());
        await using var host = await LambdaTestHost.StartAsync(app);

        Assert.True((await host.InvokeAsync(ActiveMq(("ID:1", B64("a"))))).IsSuccess);
        Assert.True((await host.InvokeAsync(ActiveMq(("ID:1", B64("a")), ("ID:2", B64("b"))))).IsSuccess);

        Assert.Equal(["ID:1", "ID:2"], handled);
    }

    [Fact]
    public async Task A_message_missing_its_id_fails_the_invocation_naming_the_JSON_path()
    {
        var app = Batches.Builder().Build();
        app.MapActiveMq((_, _, _) => ValueTask.CompletedTask);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"eventSource":"aws:mq","messages":[{"messageID":"ID:1","data":""},{"data":"AA=="}]}""");

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.StartsWith("The event is not a valid ActiveMqEvent at $.messages[1]:", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("'messageID'", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_engine_finds_its_own_events_beside_Kafka()
    {
        var sources = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapActiveMq((_, _, _) => { sources.Enqueue("active"); return ValueTask.CompletedTask; });
        app.MapRabbitMq((_, _, _) => { sources.Enqueue("rabbit"); return ValueTask.CompletedTask; });
        app.MapKafka((_, _, _) => { sources.Enqueue("kafka"); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        foreach (var file in new[] { "mq/amazonmq-rabbitmq.json", "kafka/kafka-event.json", "mq/amazonmq-activemq.json" })
        {
            var result = await host.InvokeFileAsync(Sample(file));
            Assert.True(result.IsSuccess, file + ": " + result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        }

        Assert.True((await host.InvokeAsync(ActiveMq(("ID:9", B64("x"))))).IsSuccess); // the documented aws:mq
        Assert.Equal(["rabbit", "rabbit", "kafka", "active", "active", "active"], sources);
    }

    [Fact]
    public async Task A_RabbitMQ_event_is_unrouted_when_only_ActiveMQ_is_mapped()
    {
        var app = Batches.Builder().Build();
        app.MapActiveMq((_, _, _) => ValueTask.CompletedTask);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("mq/amazonmq-rabbitmq.json"));

        Assert.Equal(LambdaErrorTypes.NoHandler, result.Error!.ErrorType);
    }
}
