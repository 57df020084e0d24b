using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Kafka;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Kafka;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Tests;

public class KafkaTests
{
    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", file);

    private static void Quick(BatchOptions o)
    {
        o.Retry.Delay = TimeSpan.Zero;
        o.Retry.UseJitter = false;
    }

    /// <summary>An MSK event: each record's topic, partition, offset and UTF-8 value, grouped under topic-partition keys in the order given.</summary>
    internal static string Kafka(params (string Topic, int Partition, long Offset, string? Value)[] records)
    {
        var partitions = new Dictionary<string, IList<KafkaRecord>>(StringComparer.Ordinal);
        foreach (var (topic, partition, offset, value) in records)
        {
            var key = $"{topic}-{partition}";
            if (!partitions.TryGetValue(key, out var list))
            {
                partitions[key] = list = [];
            }

            list.Add(new KafkaRecord
            {
                Topic = topic,
                Partition = partition,
                Offset = offset,
                Timestamp = 1764662400000,
                TimestampType = "CREATE_TIME",
                Value = value is null ? null : value.StartsWith('!') ? value[1..] : Convert.ToBase64String(Encoding.UTF8.GetBytes(value)),
                Headers = [],
            });
        }

        return JsonSerializer.Serialize(
            new KafkaEvent { EventSource = "aws:kafka", EventSourceArn = "arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc", BootstrapServers = "b-1:9092", Records = partitions },
            LambdaEventsJsonContext.Default.KafkaEvent);
    }

    [Theory]
    [InlineData("kafka/kafka-event.json", "mytopic-12@3043205")]
    [InlineData("kafka/docs-self-managed-kafka-event.json", "mytopic-0@15")]
    public async Task Each_AWS_sample_is_handled_once_per_record(string file, string id)
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapKafka((record, context, _) =>
        {
            Assert.Same(record, context.Record);
            seen.Enqueue($"{record.Topic}-{record.Partition}@{record.Offset}: {record.GetValueString()} [{record.GetHeaderString("headerKey")}]");
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample(file));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal([$"{id}: Hello, this is a test. [headerValue]"], seen);
    }

    [Fact]
    public async Task Values_bind_to_the_handler_type_in_offset_order_within_each_partition()
    {
        var seen = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapKafka(TestJson.Default.OrderPlaced, (order, context, _) =>
        {
            seen.Enqueue($"{context.Record.GetTopicPartition()}@{context.Record.Offset}={order.OrderId}");
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        // Partition 0 arrives out of offset order; Lambda sends offsets in order, the adapter does not rely on it.
        var result = await host.InvokeAsync(Kafka(("orders", 0, 11, Batches.Order(11)), ("orders", 1, 5, Batches.Order(5)), ("orders", 0, 10, Batches.Order(10))));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal(["orders-0@10=10", "orders-0@11=11", "orders-1@5=5"], seen);
    }

    [Fact]
    public async Task A_failure_stops_its_partition_other_partitions_go_on_and_the_invocation_fails_naming_the_record()
    {
        var handled = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapKafka((record, _, _) =>
        {
            var value = record.GetValueString();
            handled.Enqueue(record.GetTopicPartition() + ":" + value);
            return value == "bad" ? throw new InvalidDataException("cannot apply the change") : ValueTask.CompletedTask;
        }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Kafka(("t", 0, 1, "a"), ("t", 0, 2, "bad"), ("t", 0, 3, "c"), ("t", 1, 7, "d"), ("t", 1, 8, "e")));

        Assert.False(result.IsSuccess);
        Assert.Equal("InvalidDataException", result.Error!.ErrorType);
        Assert.Equal(
            "Kafka record t-0@2 failed (1 more of the batch's 5 records failed or were not handled), so the whole batch fails and Lambda delivers it again (Kafka has no partial batch response): cannot apply the change",
            result.Error.ErrorMessage);
        Assert.Equal(["t-0:a", "t-0:bad", "t-0:bad", "t-0:bad", "t-1:d", "t-1:e"], handled); // 1 attempt + 2 retries; t-0@3 waits for Lambda's retry
    }

    [Fact]
    public async Task Partitions_run_in_parallel_when_allowed()
    {
        var started = 0;
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = Batches.Builder().Build();
        app.MapKafka(async (_, _, ct) =>
        {
            if (Interlocked.Increment(ref started) == 2)
            {
                both.TrySetResult();
            }

            await both.Task.WaitAsync(TimeSpan.FromSeconds(5), ct);
        }, o => o.MaxDegreeOfParallelism = 2);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Kafka(("t", 0, 1, "a"), ("t", 1, 1, "b")));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
    }

    [Theory]
    [InlineData("!not base64!", "The value of Kafka record t-0@2 is not valid base64.")]
    [InlineData("""{"orderId":"seven"}""", "The value of Kafka record t-0@2 is not a valid OrderPlaced at $.orderId.")]
    [InlineData(null, "The value of Kafka record t-0@2 is absent, so it cannot be read as OrderPlaced.")]
    public async Task A_value_that_cannot_be_bound_fails_that_record_only_without_retries(string? value, string message)
    {
        var handled = new ConcurrentQueue<int>();
        var app = Batches.Builder().Build();
        app.MapKafka(TestJson.Default.OrderPlaced, (order, _, _) => { handled.Enqueue(order.OrderId); return ValueTask.CompletedTask; }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Kafka(("t", 0, 1, Batches.Order(1)), ("t", 0, 2, value), ("t", 0, 3, Batches.Order(3)), ("t", 1, 1, Batches.Order(4))));

        Assert.Equal(BatchErrorTypes.InvalidRecord, result.Error!.ErrorType);
        Assert.EndsWith(": " + message, result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.StartsWith("Kafka record t-0@2 failed", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([1, 4], handled.Order());
    }

    [Fact]
    public async Task A_record_missing_a_required_field_fails_the_invocation_naming_its_JSON_path()
    {
        var app = Batches.Builder().Build();
        app.MapKafka((_, _, _) => ValueTask.CompletedTask);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"eventSource":"aws:kafka","records":{"t-0":[{"topic":"t","partition":0,"value":"AA=="}]}}""");

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Equal(
            "The event is not a valid KafkaEvent at $.records.t-0[0]: JSON deserialization for type 'Lambda.Toolkit.Events.Kafka.KafkaRecord' was missing required properties including: 'offset'.",
            result.Error.ErrorMessage);
    }

    [Fact]
    public async Task A_dead_lettered_record_counts_as_handled_and_its_partition_goes_on()
    {
        var sink = new RecordingSink();
        var handled = new ConcurrentQueue<string>();
        var builder = Batches.Builder();
        builder.Services.AddSingleton(sink);
        var app = builder.Build();
        app.MapKafka((record, _, _) =>
        {
            handled.Enqueue(record.GetValueString()!);
            return record.GetValueString() == "bad" ? throw new InvalidDataException("poison") : ValueTask.CompletedTask;
        }, o =>
        {
            Quick(o);
            o.Retry.MaxRetryAttempts = 0;
            o.DeadLetter = DeadLetters.To<RecordingSink>();
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Kafka(("t", 0, 1, "a"), ("t", 0, 2, "bad"), ("t", 0, 3, "c")));

        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        Assert.Equal(["a", "bad", "c"], handled);
        var letter = Assert.Single(sink.Sent);
        Assert.Equal(("t-0@2", "InvalidDataException", "poison", "t-0", "t-0"), (letter.RecordId, letter.ErrorType, letter.ErrorMessage, letter.Source, letter.MessageGroupId));
        var body = LambdaEventSerializer.Deserialize(letter.Body, LambdaEventsJsonContext.Default.KafkaRecord);
        Assert.Equal((2L, "bad"), (body.Offset, body.GetValueString()));
    }

    [Fact]
    public async Task A_refused_dead_letter_stops_the_partition_and_fails_the_invocation()
    {
        var sink = new RecordingSink { Refuse = static _ => true };
        var handled = new ConcurrentQueue<string>();
        var builder = Batches.Builder();
        builder.Services.AddSingleton(sink);
        var app = builder.Build();
        app.MapKafka((record, _, _) =>
        {
            handled.Enqueue(record.GetValueString()!);
            return record.GetValueString() == "bad" ? throw new InvalidDataException("poison") : ValueTask.CompletedTask;
        }, o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.DeadLetter = DeadLetters.To<RecordingSink>();
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Kafka(("t", 0, 1, "bad"), ("t", 0, 2, "c")));

        Assert.Equal("InvalidDataException", result.Error!.ErrorType);
        Assert.StartsWith("Kafka record t-0@1 failed (1 more", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["bad"], handled);
    }

    [Fact]
    public async Task Records_handled_before_are_skipped_on_the_retry_keyed_by_topic_partition_offset()
    {
        var store = new InMemoryIdempotencyStore();
        var handled = new ConcurrentQueue<string>();
        var builder = Batches.Builder();
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        var fail = true;
        app.MapKafka((record, _, _) =>
        {
            handled.Enqueue(record.GetTopicPartition() + "@" + record.Offset);
            return record.Partition == 0 && Volatile.Read(ref fail) ? throw new TimeoutException("database busy") : ValueTask.CompletedTask;
        }, o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.Idempotency = Idempotent.With<InMemoryIdempotencyStore>();
        });
        await using var host = await LambdaTestHost.StartAsync(app);
        var batch = Kafka(("t", 0, 1, "a"), ("t", 1, 1, "b"));

        Assert.False((await host.InvokeAsync(batch)).IsSuccess);
        Volatile.Write(ref fail, false);
        Assert.True((await host.InvokeAsync(batch)).IsSuccess);

        Assert.Equal(["t-0@1", "t-1@1", "t-0@1"], handled);
        Assert.Equal(IdempotencyClaim.AlreadyCompleted, await store.TryClaimAsync("test-function#t-1-1", TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task Kafka_and_SQS_each_find_their_own_events_and_an_unknown_top_level_source_is_unrouted()
    {
        var sources = new ConcurrentQueue<string>();
        var app = Batches.Builder().Build();
        app.MapSqs((_, _, _) => { sources.Enqueue("sqs"); return ValueTask.CompletedTask; });
        app.MapKafka((_, _, _) => { sources.Enqueue("kafka"); return ValueTask.CompletedTask; });
        await using var host = await LambdaTestHost.StartAsync(app);

        Assert.True((await host.InvokeFileAsync(Sample("sqs/sqs-event.json"))).IsSuccess);
        Assert.True((await host.InvokeFileAsync(Sample("kafka/kafka-event.json"))).IsSuccess);
        // eventSource after the records still classifies.
        Assert.True((await host.InvokeAsync("""{"records":{"t-0":[{"topic":"t","partition":0,"offset":1}]},"eventSource":"SelfManagedKafka"}""")).IsSuccess);
        var unknown = await host.InvokeAsync("""{"eventSource":"aws:pulsar","records":{}}""");

        Assert.Equal(LambdaErrorTypes.NoHandler, unknown.Error!.ErrorType);
        Assert.Equal(["sqs", "kafka", "kafka"], sources);
    }

    [Fact]
    public async Task Wrong_options_fail_init()
    {
        var app = Batches.Builder().Build();
        app.MapKafka((_, _, _) => ValueTask.CompletedTask, o =>
        {
            o.MaxDegreeOfParallelism = 0;
            o.DeadLetter = DeadLetters.To(_ => new RecordingSink());
            o.DeadLetter.MaxReceiveCount = 3;
        });

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("Kafka: MaxDegreeOfParallelism", error.Message, StringComparison.Ordinal);
        Assert.Contains("Kafka: DeadLetter.MaxReceiveCount does not apply to Kafka", error.Message, StringComparison.Ordinal);
    }
}
