using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Batch;
using Lambda.Toolkit.Events.Kinesis;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Tests;

public sealed record OrderPlaced([property: JsonPropertyName("orderId")] int OrderId, [property: JsonPropertyName("item")] string Item);

public sealed record Product([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("price")] decimal Price);

public sealed record Alarm([property: JsonPropertyName("level")] string Level);

[JsonSerializable(typeof(OrderPlaced))]
[JsonSerializable(typeof(Product))]
[JsonSerializable(typeof(Alarm))]
public sealed partial class TestJson : JsonSerializerContext;

/// <summary>A dead-letter sink that keeps what it is sent, and can refuse.</summary>
public sealed class RecordingSink : IDeadLetterSink
{
    public ConcurrentQueue<DeadLetterMessage> Sent { get; } = new();

    public Func<DeadLetterMessage, bool> Refuse { get; set; } = static _ => false;

    public bool Throw { get; set; }

    public ValueTask<IReadOnlyCollection<string>> SendAsync(IReadOnlyList<DeadLetterMessage> messages, CancellationToken cancellationToken)
    {
        if (Throw)
        {
            throw new HttpRequestException("The dead-letter queue is unreachable.");
        }

        var refused = new List<string>();
        foreach (var message in messages)
        {
            if (Refuse(message))
            {
                refused.Add(message.RecordId);
            }
            else
            {
                Sent.Enqueue(message);
            }
        }

        return ValueTask.FromResult<IReadOnlyCollection<string>>(refused);
    }
}

internal static class Batches
{
    public static LambdaApplicationBuilder Builder(TimeProvider? time = null)
    {
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        return builder;
    }

    public static string Sqs(params SqsMessage[] messages) =>
        JsonSerializer.Serialize(new SqsEvent { Records = messages }, LambdaEventsJsonContext.Default.SqsEvent);

    public static SqsMessage Message(string id, string body, string? group = null, int receiveCount = 1, string queue = "arn:aws:sqs:us-east-1:123456789012:orders")
    {
        var attributes = new Dictionary<string, string> { ["ApproximateReceiveCount"] = receiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (group is not null)
        {
            attributes["MessageGroupId"] = group;
        }

        return new SqsMessage { MessageId = id, Body = body, EventSource = "aws:sqs", EventSourceArn = group is null ? queue : queue + ".fifo", Attributes = attributes };
    }

    /// <summary>A Kinesis batch on one shard: each record's sequence number and JSON data.</summary>
    public static string Kinesis(params (string Seq, string Json)[] records) => JsonSerializer.Serialize(
        new KinesisEvent
        {
            Records = records.Select(r => new KinesisEventRecord
            {
                EventSource = "aws:kinesis",
                EventId = "shardId-000000000007:" + r.Seq,
                Kinesis = new KinesisRecord { PartitionKey = "p", SequenceNumber = r.Seq, Data = Convert.ToBase64String(Encoding.UTF8.GetBytes(r.Json)) },
            }).ToList(),
        },
        LambdaEventsJsonContext.Default.KinesisEvent);

    public static string Order(int id, string item = "book") => JsonSerializer.Serialize(new OrderPlaced(id, item), TestJson.Default.OrderPlaced);

    public static string[] Failed(this TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return result.ReadResponse(LambdaEventsJsonContext.Default.BatchResponse).BatchItemFailures.Select(f => f.ItemIdentifier).ToArray();
    }

    public static BatchResponse Response(this TestInvocationResult result) => result.ReadResponse(LambdaEventsJsonContext.Default.BatchResponse);
}
