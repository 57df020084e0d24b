using System.Collections.Concurrent;

namespace OrdersApi;

/// <summary>Stores orders.</summary>
public interface IOrderStore
{
    Order? Get(string id);

    (List<Order> Items, int Total) List(int page, int pageSize);

    void Put(Order order);

    bool Delete(string id);
}

/// <summary>
/// The embedded default store: in memory, a singleton reused by warm invocations of one execution
/// environment. Swap it for a DynamoDB-backed store in production.
/// </summary>
public sealed class InMemoryOrderStore : IOrderStore
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.Ordinal);

    public Order? Get(string id) => _orders.GetValueOrDefault(id);

    public (List<Order> Items, int Total) List(int page, int pageSize)
    {
        var all = _orders.Values.OrderBy(static o => o.CreatedAt).ThenBy(static o => o.Id, StringComparer.Ordinal).ToList();
        var skip = ((long)page - 1) * pageSize;   // in long: page 21474838 of 100 is past int.MaxValue, not page 1
        return (skip >= all.Count ? [] : all.GetRange((int)skip, Math.Min(pageSize, all.Count - (int)skip)), all.Count);
    }

    public void Put(Order order) => _orders[order.Id] = order;

    public bool Delete(string id) => _orders.TryRemove(id, out _);
}
