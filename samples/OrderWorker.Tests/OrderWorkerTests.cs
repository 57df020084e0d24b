using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OrderWorker.Tests;

public class OrderWorkerTests
{
    [Fact]
    public async Task The_sample_batch_reports_the_out_of_stock_group_and_the_invalid_order()
    {
        var app = OrderWorkerFunction.Build([]);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", "orders-fifo.json"));

        var failures = result.ReadResponse(LambdaEventsJsonContext.Default.BatchResponse).BatchItemFailures.Select(f => f.ItemIdentifier).ToArray();
        // c-2's first order is out of stock, so its second order waits (FIFO); c-3's order is invalid.
        Assert.Equal(
            ["0a1b2c3d-0002-4000-8000-000000000002", "0a1b2c3d-0003-4000-8000-000000000003", "0a1b2c3d-0004-4000-8000-000000000004"],
            failures.Order(StringComparer.Ordinal));
        Assert.Equal(["o-1001"], app.Services.GetRequiredService<IFulfilment>().Fulfilled);
    }

    [Fact]
    public async Task Redelivered_orders_are_fulfilled_once()
    {
        var app = OrderWorkerFunction.Build([]);
        await using var host = await LambdaTestHost.StartAsync(app);
        var events = Path.Combine(AppContext.BaseDirectory, "events", "orders-fifo.json");

        await host.InvokeFileAsync(events);
        await host.InvokeFileAsync(events);

        Assert.Single(app.Services.GetRequiredService<IFulfilment>().Fulfilled);
    }
}
