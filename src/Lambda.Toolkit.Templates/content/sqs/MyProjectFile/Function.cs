using System.Text.Json.Serialization;
using Amazon.SQS;
using Lambda.Toolkit;
using Lambda.Toolkit.Aws.Sqs;
using Lambda.Toolkit.Batch;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events.Sqs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MyFunction;

/// <summary>
/// An SQS worker: only failed messages come back (ReportBatchItemFailures); FIFO queues keep order per
/// message group; failures are retried within the invocation; with DEAD_LETTER_QUEUE_URL set, messages
/// that still fail go to that queue and are acknowledged.
/// </summary>
public static class Function
{
    public static LambdaApplication Build(string[] args)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        var deadLetterQueue = builder.Configuration["DEAD_LETTER_QUEUE_URL"];
        builder.Services.AddSingleton<IWorkLog, WorkLog>();          // built once, reused warm
        builder.Services.AddScoped<WorkItemHandler>();               // one per message
        if (!string.IsNullOrEmpty(deadLetterQueue))
        {
            builder.Services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());
        }

        var app = builder.Build();
        app.MapSqs<WorkItem, WorkItemHandler>(AppJsonContext.Default.WorkItem, o =>
        {
            o.MaxDegreeOfParallelism = 4;
            o.Retry.MaxRetryAttempts = 2;
            if (!string.IsNullOrEmpty(deadLetterQueue))
            {
                o.DeadLetter = SqsDeadLetters.To(deadLetterQueue);
                o.DeadLetter.MaxReceiveCount = 5;
            }
        });
        return app;
    }
}

/// <summary>A message body.</summary>
public sealed record WorkItem([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("quantity")] int Quantity);

/// <summary>Handles one message; throw to have only this message retried or dead-lettered.</summary>
public sealed class WorkItemHandler(IWorkLog log) : ISqsMessageHandler<WorkItem>
{
    public ValueTask HandleAsync(WorkItem message, RecordContext<SqsMessage> context, CancellationToken cancellationToken)
    {
        if (message.Quantity <= 0)
        {
            throw new PermanentFailureException($"Item {message.Id} has quantity {message.Quantity}.");
        }

        log.Record(message.Id);
        return ValueTask.CompletedTask;
    }
}

/// <summary>What was processed.</summary>
public interface IWorkLog
{
    void Record(string id);

    IReadOnlyCollection<string> Processed { get; }
}

/// <summary>An in-memory work log; a singleton shared by warm invocations.</summary>
public sealed class WorkLog : IWorkLog
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _processed = new();

    public IReadOnlyCollection<string> Processed => [.. _processed.Keys];

    public void Record(string id) => _processed[id] = true;
}

/// <summary>Source-generated JSON metadata: no reflection, Native-AOT safe.</summary>
[JsonSerializable(typeof(WorkItem))]
public sealed partial class AppJsonContext : JsonSerializerContext;
