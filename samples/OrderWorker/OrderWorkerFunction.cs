using Amazon.DynamoDBv2;
using Amazon.SQS;
using Lambda.Toolkit;
using Lambda.Toolkit.Tracing;
using Lambda.Toolkit.Aws.DynamoDb;
using Lambda.Toolkit.Aws.Sqs;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace OrderWorker;

/// <summary>
/// An SQS worker: each message is an order to fulfil. Messages of a FIFO queue are handled in order per
/// customer (the message group); failures are retried twice within the invocation; a message that still
/// fails — or that keeps coming back — goes to the dead-letter queue named by ORDERS_DLQ_URL, when set. With
/// ORDERS_IDEMPOTENCY_TABLE set, an order delivered twice is fulfilled once across every execution environment.
/// Metrics go to CloudWatch (namespace Orders) as EMF lines on stdout: the batch built-ins (records processed, failed,
/// retried, dead-lettered, duplicates) and the handler's OrdersFulfilled and ItemsFulfilled.
/// </summary>
public static class OrderWorkerFunction
{
    public static LambdaApplication Build(string[] args, Action<IServiceCollection>? services = null)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        var deadLetterQueue = builder.Configuration["ORDERS_DLQ_URL"];
        var idempotencyTable = builder.Configuration["ORDERS_IDEMPOTENCY_TABLE"];
        builder.Services.AddSingleton<IFulfilment, InMemoryFulfilment>();   // reused warm
        builder.Services.AddScoped<OrderPlacedHandler>();                    // one per message
        builder.Services.AddXRayTracing();   // X-Ray subsegments when AWS_XRAY_DAEMON_ADDRESS is set (active tracing); inert otherwise
        builder.Services.AddLambdaMetrics(o => o.Namespace = "Orders");     // LambdaMetrics__Namespace overrides it
        if (!string.IsNullOrEmpty(deadLetterQueue))
        {
            builder.Services.AddSingleton<IAmazonSQS>(_ => new AmazonSQSClient());
        }

        if (!string.IsNullOrEmpty(idempotencyTable))
        {
            builder.Services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient());
        }

        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSqs<OrderPlaced, OrderPlacedHandler>(OrderJsonContext.Default.OrderPlaced, o =>
        {
            o.MaxDegreeOfParallelism = 4;            // standard queues: 4 at once; FIFO: 4 groups at once, each in order
            o.Retry.MaxRetryAttempts = 2;
            if (!string.IsNullOrEmpty(deadLetterQueue))
            {
                o.DeadLetter = SqsDeadLetters.To(deadLetterQueue);
                o.DeadLetter.MaxReceiveCount = 5;    // a poison message goes straight to the DLQ
            }

            if (!string.IsNullOrEmpty(idempotencyTable))
            {
                o.Idempotency = DynamoDbIdempotency.Table(idempotencyTable);
            }
        });
        return app;
    }
}
