using Lambda.Toolkit.Batch;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events.Sqs;

namespace OrderWorker;

/// <summary>Validates and fulfils one order. Invalid orders fail permanently (no retry); stock outages are transient.</summary>
public sealed class OrderPlacedHandler(IFulfilment fulfilment) : ISqsMessageHandler<OrderPlaced>
{
    public async ValueTask HandleAsync(OrderPlaced message, RecordContext<SqsMessage> context, CancellationToken cancellationToken)
    {
        if (message.Quantity <= 0)
        {
            throw new PermanentFailureException($"Order {message.OrderId} has quantity {message.Quantity}; it must be positive.");
        }

        await fulfilment.FulfilAsync(message, cancellationToken);
    }
}
