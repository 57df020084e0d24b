using System.Collections.Concurrent;

namespace OrderWorker;

/// <summary>Fulfils orders.</summary>
public interface IFulfilment
{
    ValueTask FulfilAsync(OrderPlaced order, CancellationToken cancellationToken);

    IReadOnlyCollection<string> Fulfilled { get; }
}

/// <summary>
/// An in-memory fulfilment ledger, idempotent by order id (SQS delivers at least once). A real worker would
/// call a warehouse API here; SKUs starting with "out-of-stock" fail as a warehouse outage would.
/// </summary>
public sealed class InMemoryFulfilment : IFulfilment
{
    private readonly ConcurrentDictionary<string, OrderPlaced> _orders = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Fulfilled => [.. _orders.Keys];

    public ValueTask FulfilAsync(OrderPlaced order, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (order.Sku.StartsWith("out-of-stock", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"SKU {order.Sku} is out of stock.");
        }

        _orders.TryAdd(order.OrderId, order);
        return ValueTask.CompletedTask;
    }
}
