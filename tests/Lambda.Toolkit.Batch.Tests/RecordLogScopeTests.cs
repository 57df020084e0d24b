using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Batch.DynamoDbStreams;
using Lambda.Toolkit.Batch.EventBridge;
using Lambda.Toolkit.Batch.Kinesis;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Tests;

/// <summary>Every line logged while a record is handled carries the record's identity and correlation id.</summary>
public sealed partial class RecordLogScopeTests
{
    private static string Sample(string file) => Path.Combine(AppContext.BaseDirectory, "events", file);

    private static (LambdaApplication App, MemoryStream Logs) App(LambdaLogFormat format = LambdaLogFormat.Json)
    {
        var logs = new MemoryStream();
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
        builder.Services.Configure<LambdaLoggerOptions>(o => { o.Output = logs; o.Format = format; });
        return (builder.Build(), logs);
    }

    private static JsonElement[] Lines(MemoryStream logs) =>
        [.. Encoding.UTF8.GetString(logs.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static l => JsonDocument.Parse(l).RootElement)];

    /// <summary>Logs as a user's handler does, through a logger of its own category.</summary>
    private static void Log(IServiceProvider services, string id)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders");
        Handling(logger, id);
    }

    private static string? Key(JsonElement line, string key) => line.TryGetProperty(key, out var value) ? value.GetString() : null;

    private static SqsMessage WithCorrelation(SqsMessage message, string correlationId, string dataType = "String")
    {
        message.MessageAttributes = new() { ["x-correlation-id"] = new SqsMessageAttribute { DataType = dataType, StringValue = correlationId } };
        return message;
    }

    [Fact]
    public async Task Sqs_lines_carry_the_message_id_and_correlation_id_and_parallel_records_stay_apart()
    {
        var (app, logs) = App();
        var correlations = new ConcurrentDictionary<string, string?>();
        app.MapSqs(
            async (message, context, _) =>
            {
                correlations[message.MessageId] = context.CorrelationId;
                await Task.Yield();
                Log(context.Services, message.MessageId);
                await Task.Delay(1, CancellationToken.None);
                Log(context.Services, message.MessageId);
            },
            o => o.MaxDegreeOfParallelism = 4);
        await using var host = await LambdaTestHost.StartAsync(app);

        var messages = Enumerable.Range(1, 8).Select(i => Batches.Message($"m-{i}", "{}")).ToArray();
        WithCorrelation(messages[2], "corr-3");
        WithCorrelation(messages[3], "not-a-string", "Number");
        await host.InvokeAsync(Batches.Sqs(messages));

        var lines = Lines(logs).Where(l => Key(l, "category") == "Orders").ToArray();
        Assert.Equal(16, lines.Length);
        Assert.All(lines, l => Assert.Equal(Key(l, "Id"), Key(l, "messageId")));
        Assert.All(lines, l => Assert.Null(Key(l, "messageGroupId")));
        Assert.All(lines, l => Assert.Equal(Key(l, "Id") == "m-3" ? "corr-3" : null, Key(l, "correlationId")));
        Assert.Equal("corr-3", correlations["m-3"]);
        Assert.Null(correlations["m-4"]);
        Assert.Null(correlations["m-1"]);
    }

    [Fact]
    public async Task Fifo_lines_carry_the_message_group_and_the_failure_line_carries_the_record()
    {
        var (app, logs) = App();
        app.MapSqs((message, context, _) =>
        {
            Log(context.Services, message.MessageId);
            return message.MessageId == "m-2" ? throw new InvalidOperationException("cannot ship") : ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeAsync(Batches.Sqs(Batches.Message("m-1", "{}", group: "g-a"), Batches.Message("m-2", "{}", group: "g-b")));

        var lines = Lines(logs);
        Assert.Equal("g-a", Key(lines.Single(l => Key(l, "Id") == "m-1"), "messageGroupId"));
        var failed = lines.Single(l => Key(l, "level") == "WARN");
        Assert.Equal("m-2", Key(failed, "messageId"));
        Assert.Equal("g-b", Key(failed, "messageGroupId"));
        Assert.Equal("System.InvalidOperationException", Key(failed, "errorType"));
    }

    [Fact]
    public async Task Kinesis_lines_carry_the_event_id_and_the_shard()
    {
        var (app, logs) = App();
        app.MapKinesis((record, context, _) =>
        {
            Log(context.Services, record.Kinesis.SequenceNumber);
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeFileAsync(Sample("kinesis/kinesis-event.json"));

        var lines = Lines(logs);
        Assert.NotEmpty(lines);
        Assert.All(lines, l =>
        {
            Assert.Equal("shardId-000000000000", Key(l, "shardId"));
            Assert.Equal("shardId-000000000000:" + Key(l, "Id"), Key(l, "eventId"));
        });
    }

    [Fact]
    public async Task DynamoDb_lines_carry_the_event_id_and_no_shard()
    {
        var (app, logs) = App();
        app.MapDynamoDbStream((record, context, _) =>
        {
            Log(context.Services, record.DynamoDb.SequenceNumber!);
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeFileAsync(Sample("dynamodb/dynamodb-event.json"));

        var lines = Lines(logs);
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => Key(l, "eventId") == "f07f8ca4b0b26cb9c4e5e77e69f274ee");
        Assert.All(lines, l => Assert.Null(Key(l, "shardId")));
    }

    [Fact]
    public async Task EventBridge_lines_and_the_record_context_carry_the_event_id_as_correlation_id()
    {
        var (app, logs) = App();
        string? seen = null;
        app.MapEventBridge("aws.events", "Scheduled Event", LambdaEventsJsonContext.Default.ScheduledEventDetail, (e, context, _) =>
        {
            seen = context.CorrelationId;
            Log(context.Services, e.Id);
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeFileAsync(Sample("eventbridge/scheduled-event.json"));

        Assert.Equal("cdc73f9d-aea9-11e3-9d5a-835b769c0d9c", seen);
        Assert.Equal(seen, Key(Assert.Single(Lines(logs)), "correlationId"));
    }

    [Fact]
    public async Task Text_lines_show_the_record_keys()
    {
        var (app, logs) = App(LambdaLogFormat.Text);
        app.MapSqs((message, context, _) =>
        {
            Log(context.Services, message.MessageId);
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeAsync(Batches.Sqs(WithCorrelation(Batches.Message("m-1", "{}", group: "g"), "c-1")));

        Assert.EndsWith("Handling m-1 [messageId=m-1, messageGroupId=g, correlationId=c-1]", Encoding.UTF8.GetString(logs.ToArray()).Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tumbling_window_lines_carry_the_shard_of_the_window()
    {
        var (app, logs) = App();
        app.MapDynamoDbStreamWindow((e, invocation, _) =>
        {
            Log(invocation.Services, e.Records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return ValueTask.FromResult<Dictionary<string, JsonElement>?>([]);
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeAsync("""{"Records":[],"shardId":"shardId-00000001596480000000-d7ef1a2b","window":{"start":"2020-07-30T17:00:00Z","end":"2020-07-30T17:05:00Z"},"state":{}}""");

        Assert.Equal("shardId-00000001596480000000-d7ef1a2b", Key(Assert.Single(Lines(logs)), "shardId"));
    }

    [Fact]
    public void The_shard_is_read_from_a_kinesis_event_id_only() =>
        Assert.Equal(
            ["shardId-000000000006", null, null, null],
            new[] { "shardId-000000000006:4959", "f07f8ca4b0b26cb9c4e5e77e69f274ee", "shardId-nocolon", null }.Select(Processing.RecordLogScope.ShardOf));

    [LoggerMessage(Level = LogLevel.Information, Message = "Handling {Id}")]
    private static partial void Handling(ILogger logger, string id);
}
