using BenchmarkDotNet.Attributes;
using Lambda.Toolkit.Http;
using Lambda.Toolkit.Http.Routing;

namespace Lambda.Toolkit.Benchmarks.Http;

/// <summary>Matching requests against a table of 50 routes (literals, constrained and plain parameters, catch-alls).</summary>
[MemoryDiagnoser]
public class RouteMatchingBenchmarks
{
    private readonly RouteTable _table = new();

    [GlobalSetup]
    public void Setup()
    {
        static ValueTask<HttpResult> Handler(HttpRequest request, CancellationToken ct) => ValueTask.FromResult(HttpResult.NoContent());
        var resources = new[] { "orders", "customers", "products", "invoices", "shipments", "carts", "reviews", "coupons", "stores", "users" };
        foreach (var resource in resources)
        {
            _table.Add(new RouteEndpoint("GET", $"/{resource}", Handler));
            _table.Add(new RouteEndpoint("POST", $"/{resource}", Handler));
            _table.Add(new RouteEndpoint("GET", $"/{resource}/{{id:int}}", Handler));
            _table.Add(new RouteEndpoint("PUT", $"/{resource}/{{id:int}}", Handler));
            _table.Add(new RouteEndpoint("GET", $"/{resource}/{{id:int}}/history/{{*rest}}", Handler));
        }
    }

    [Benchmark]
    public object? Literal() => _table.Match("GET", "/invoices").Endpoint;

    [Benchmark]
    public object? ConstrainedParameter() => _table.Match("PUT", "/users/12345").Endpoint;

    [Benchmark]
    public object? CatchAll() => _table.Match("GET", "/stores/7/history/2024/11/25").Endpoint;

    [Benchmark]
    public object? NotFound() => _table.Match("GET", "/unknown/path/here").AllowedMethods;
}
