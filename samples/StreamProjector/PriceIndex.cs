using System.Collections.Concurrent;

namespace StreamProjector;

/// <summary>The read model: current price per SKU.</summary>
public interface IPriceIndex
{
    void Upsert(Product product);

    void Remove(string sku);

    IReadOnlyDictionary<string, decimal> Prices { get; }
}

/// <summary>An in-memory price index; a real projector would write to a cache or a search index.</summary>
public sealed class InMemoryPriceIndex : IPriceIndex
{
    private readonly ConcurrentDictionary<string, decimal> _prices = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, decimal> Prices => _prices;

    public void Upsert(Product product) => _prices[product.Sku] = product.Price;

    public void Remove(string sku) => _prices.TryRemove(sku, out _);
}
