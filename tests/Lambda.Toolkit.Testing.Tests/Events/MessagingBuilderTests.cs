using System.Collections.Concurrent;
using Lambda.Toolkit.Batch;
using Lambda.Toolkit.Batch.AmazonMq;
using Lambda.Toolkit.Batch.Kafka;
using Lambda.Toolkit.Events.AmazonMq;
using Lambda.Toolkit.Events.Kafka;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary>The Kafka and Amazon MQ builders fill in values like AWS's own, and the adapters handle what they build.</summary>
public sealed class MessagingBuilderTests
{
    private static readonly DateTimeOffset Time = new(2026, 3, 12, 19, 3, 58, 390, TimeSpan.Zero);

    private static LambdaApplication App()
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        return builder.Build();
    }

    [Fact]
    public void A_Kafka_batch_groups_partitions_with_increasing_offsets_and_wire_form_keys_values_and_headers()
    {
        var batch = new KafkaEventBuilder("orders").InRegion("eu-west-1").InAccount("111122223333").StartingAtOffset(40).At(Time)
            .AddRecord("a", partition: 2, key: "k1", headers: [new("trace", "é"), new("trace", "2")])
            .AddRecord(new Order(7, "book"), JsonContext.Default.Order, partition: 0)
            .AddRecord("b", partition: 2)
            .AddTombstone("k1", partition: 2)
            .Build();

        Assert.Equal(KafkaEvent.AmazonMskEventSource, batch.EventSource);
        Assert.StartsWith("arn:aws:kafka:eu-west-1:111122223333:cluster/test-cluster/", batch.EventSourceArn, StringComparison.Ordinal);
        Assert.Contains(".kafka.eu-west-1.amazonaws.com:9092", batch.BootstrapServers, StringComparison.Ordinal);
        Assert.Equal(["orders-2", "orders-0"], batch.Records.Keys);
        var two = batch.Records["orders-2"];
        Assert.Equal([40L, 41L, 42L], two.Select(r => r.Offset));
        Assert.All(two, r => Assert.Equal((2, Time.ToUnixTimeMilliseconds(), "CREATE_TIME"), (r.Partition, r.Timestamp!.Value, r.TimestampType)));
        Assert.Equal(("a", "k1", "azE="), (two[0].GetValueString(), two[0].GetKeyString(), two[0].Key));
        Assert.Equal(new sbyte[] { -61, -87 }, two[0].Headers![0]["trace"]); // é in UTF-8, as Java's signed bytes
        Assert.Equal("é", two[0].GetHeaderString("trace"));
        Assert.Equal(2, two[0].Headers!.Count);
        Assert.Null(two[1].Key);
        Assert.Null(two[2].Value);
        Assert.Equal("""{"orderId":7,"item":"book"}""", batch.Records["orders-0"][0].GetValueString());
        Assert.Equal(40, batch.Records["orders-0"][0].Offset);
    }

    [Fact]
    public void A_self_managed_Kafka_batch_has_no_ARN()
    {
        var batch = new KafkaEventBuilder().FromSelfManagedCluster().AddRecord("x").Build();

        Assert.Equal(KafkaEvent.SelfManagedEventSource, batch.EventSource);
        Assert.Null(batch.EventSourceArn);
        Assert.Equal(["test-topic-0"], batch.Records.Keys);
    }

    [Fact]
    public void An_ActiveMQ_batch_has_JMS_ids_types_the_queue_and_broker_times()
    {
        var batch = new ActiveMqEventBuilder("orders").InRegion("us-west-2").At(Time)
            .AddMessage("hello", properties: new Dictionary<string, string> { ["kind"] = "greeting" })
            .AddMessage([0, 255], messageId: "ID:custom", redelivered: true)
            .Build();

        Assert.Equal(ActiveMqEvent.ActiveMqEventSource, batch.EventSource);
        Assert.Matches("^arn:aws:mq:us-west-2:123456789012:broker:test-broker:b-[0-9a-f-]{36}$", batch.EventSourceArn);
        var (text, bytes) = (batch.Messages[0], batch.Messages[1]);
        Assert.Matches(@"^ID:b-[0-9a-f-]{36}-1\.mq\.us-west-2\.amazonaws\.com-37557-\d+-3:1:1:1:1$", text.MessageId);
        Assert.Equal(("jms/text-message", "hello", "orders", "greeting", false), (text.MessageType, text.GetDataString(), text.Destination!.PhysicalName, text.GetProperty("kind"), text.Redelivered!.Value));
        Assert.Equal(("ID:custom", "jms/bytes-message", true), (bytes.MessageId, bytes.MessageType, bytes.Redelivered!.Value));
        Assert.Equal([0, 255], bytes.DecodeData());
        Assert.Equal(Time, text.GetTimestamp());
        Assert.True(text.BrokerOutTime > text.BrokerInTime);
    }

    [Fact]
    public void A_RabbitMQ_batch_has_one_queue_key_basic_properties_and_the_broker_time_format()
    {
        var batch = new RabbitMqEventBuilder("orders", "prod").At(Time)
            .AddMessage("hi", messageId: "m-1", headers: new Dictionary<string, string> { ["source"] = "web" })
            .AddMessage(new Order(1, "pen"), JsonContext.Default.Order)
            .AddMessage([1, 2, 3], redelivered: true)
            .Build();

        Assert.Equal(RabbitMqEvent.RabbitMqEventSource, batch.EventSource);
        var (key, messages) = Assert.Single(batch.MessagesByQueue);
        Assert.Equal("orders::prod", key);
        Assert.Equal(["text/plain", "application/json", "application/octet-stream"], messages.Select(m => m.BasicProperties!.ContentType));
        Assert.Equal([2L, 26L, 3L], messages.Select(m => m.BasicProperties!.BodySize!.Value));
        Assert.Equal(("m-1", "web", "Mar 12, 2026, 7:03:58 PM"), (messages[0].BasicProperties!.MessageId, messages[0].BasicProperties!.GetHeader("source"), messages[0].BasicProperties!.Timestamp));
        Assert.Null(messages[1].BasicProperties!.MessageId);
        Assert.True(messages[2].Redelivered);
        Assert.Equal([1, 2, 3], messages[2].DecodeData());
    }

    [Fact]
    public async Task A_built_Kafka_batch_is_handled_per_partition_and_a_failure_fails_the_invocation_naming_the_record()
    {
        var seen = new ConcurrentQueue<string>();
        var app = App();
        app.MapKafka(JsonContext.Default.Order, (order, context, _) =>
        {
            seen.Enqueue(context.Record.GetTopicPartition() + ":" + order.OrderId);
            return order.Item == "bad" ? throw new InvalidOperationException("no") : ValueTask.CompletedTask;
        }, o => o.Retry.MaxRetryAttempts = 0);
        await using var host = await LambdaTestHost.StartAsync(app);
        var batch = new KafkaEventBuilder("orders").StartingAtOffset(100)
            .AddRecord(new Order(1, "ok"), JsonContext.Default.Order)
            .AddRecord(new Order(2, "bad"), JsonContext.Default.Order)
            .AddRecord(new Order(3, "ok"), JsonContext.Default.Order)
            .AddRecord(new Order(4, "ok"), JsonContext.Default.Order, partition: 1);

        var result = await host.InvokeAsync(batch.ToJson());

        Assert.Equal("InvalidOperationException", result.Error!.ErrorType);
        Assert.StartsWith("Kafka record orders-0@101 failed", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["orders-0:1", "orders-0:2", "orders-1:4"], seen);
    }

    [Fact]
    public async Task Built_Amazon_MQ_batches_are_handled_by_their_own_adapters()
    {
        var seen = new ConcurrentQueue<string>();
        var app = App();
        app.MapActiveMq(JsonContext.Default.Order, (order, _, _) => { seen.Enqueue("active:" + order.OrderId); return ValueTask.CompletedTask; });
        app.MapRabbitMq(JsonContext.Default.Order, (order, context, _) => { seen.Enqueue($"rabbit:{context.Record.Queue}:{order.OrderId}"); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        var active = await host.InvokeAsync(new ActiveMqEventBuilder().AddMessage(new Order(1, "a"), JsonContext.Default.Order).ToJson());
        var rabbit = await host.InvokeAsync(new RabbitMqEventBuilder("orders").AddMessage(new Order(2, "b"), JsonContext.Default.Order).ToJson());

        Assert.True(active.IsSuccess, active.Error?.ErrorMessage);
        Assert.True(rabbit.IsSuccess, rabbit.Error?.ErrorMessage);
        Assert.Equal(["active:1", "rabbit:orders:2"], seen);
    }
}
