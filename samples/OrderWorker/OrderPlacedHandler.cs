using Lambda.Toolkit.Batch;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Metrics;

namespace OrderWorker;

/// <summary>Validates and fulfils one order. Invalid orders fail permanently (no retry); stock outages are transient.</summary>
public sealed class OrderPlacedHandler(IFulfilment fulfilment, ILambdaMetrics metrics) : ISqsMessageHandler<OrderPlaced>
{
    public async ValueTask HandleAsync(OrderPlaced message, RecordContext<SqsMessage> context, CancellationToken cancellationToken)
    {
        // The body's JSON may leave out any field: a missing one is an invalid order, failed without a retry.
        string[] missing = [
            .. string.IsNullOrWhiteSpace(message.OrderId) ? ["orderId"] : Array.Empty<string>(),
            .. string.IsNullOrWhiteSpace(message.CustomerId) ? ["customerId"] : Array.Empty<string>(),
            .. string.IsNullOrWhiteSpace(message.Sku) ? ["sku"] : Array.Empty<string>(),
        ];
        if (missing.Length > 0)
        {
            throw new PermanentFailureException($"Message {context.Record.MessageId} is not a valid order: {string.Join(", ", missing)} {(missing.Length == 1 ? "is" : "are")} missing.");
        }

        if (message.Quantity <= 0)
        {
            throw new PermanentFailureException($"Order {message.OrderId} has quantity {message.Quantity}; it must be positive.");
        }

        await fulfilment.FulfilAsync(message, cancellationToken);
        metrics.AddMetric("OrdersFulfilled", MetricUnit.Count, 1);
        metrics.AddMetric("ItemsFulfilled", MetricUnit.Count, message.Quantity);
    }
}
