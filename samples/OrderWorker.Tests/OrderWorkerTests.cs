using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Metrics;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Testing.Events;
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

    [Fact]
    public async Task A_message_without_a_sku_fails_alone_as_an_invalid_order_without_a_retry()
    {
        var fulfilment = new RecordingFulfilment();
        using var log = new MemoryStream();
        var app = OrderWorkerFunction.Build([], services =>
        {
            services.AddSingleton<IFulfilment>(fulfilment);
            services.Configure<LambdaLoggerOptions>(o => o.Output = log);
        });
        await using var host = await LambdaTestHost.StartAsync(app);
        var batch = new SqsEventBuilder("orders")
            .AddMessage("""{"orderId":"o-1","customerId":"c-1","sku":"book","quantity":1}""", m => m.MessageId = "good")
            .AddMessage("""{"orderId":"o-2","customerId":"c-1","quantity":1}""", m => m.MessageId = "no-sku");

        var result = await host.InvokeAsync(batch.ToJson());

        var failures = result.ReadResponse(LambdaEventsJsonContext.Default.BatchResponse).BatchItemFailures.Select(f => f.ItemIdentifier);
        Assert.Equal(["no-sku"], failures);
        Assert.Equal(["o-1"], fulfilment.Calls);   // the invalid order never reaches fulfilment, and is not retried
        var logged = Encoding.UTF8.GetString(log.ToArray());
        Assert.Contains("Message no-sku is not a valid order: sku is missing.", logged);
        Assert.DoesNotContain(nameof(NullReferenceException), logged);
    }

    [Fact]
    public async Task The_sample_batch_publishes_the_batch_built_ins_and_the_orders_fulfilled_as_emf()
    {
        using var metrics = new MemoryStream();
        var app = OrderWorkerFunction.Build([], services => services.AddLambdaMetrics(o => o.Output = metrics));
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", "orders-fifo.json"));

        var documents = Encoding.UTF8.GetString(metrics.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.All(documents, d => Assert.Equal("Orders", d["_aws"]!["CloudWatchMetrics"]![0]!["Namespace"]!.GetValue<string>()));
        var orders = Assert.Single(documents, d => d["OrdersFulfilled"] is not null);
        Assert.Equal(1, orders["OrdersFulfilled"]!.GetValue<double>());
        Assert.Equal(1, orders["ItemsFulfilled"]!.GetValue<double>());
        var batch = Assert.Single(documents, d => d["BatchRecordsProcessed"] is not null);
        Assert.Equal("SQS", batch["EventSource"]!.GetValue<string>());
        Assert.Equal(1, batch["BatchRecordsProcessed"]!.GetValue<double>());
        Assert.Equal(3, batch["BatchRecordsFailed"]!.GetValue<double>());
        Assert.Equal(2, batch["BatchRecordsRetried"]!.GetValue<double>());   // the out-of-stock order, twice
        Assert.Single(documents, d => d["ColdStart"] is not null);
    }

    private sealed class RecordingFulfilment : IFulfilment
    {
        private readonly ConcurrentQueue<string> _calls = new();

        public IReadOnlyCollection<string> Calls => _calls;

        public IReadOnlyCollection<string> Fulfilled => _calls;

        public ValueTask FulfilAsync(OrderPlaced order, CancellationToken cancellationToken)
        {
            _calls.Enqueue(order.OrderId);
            _ = order.Sku.Length;   // what a real fulfilment does with the SKU: a missing one would throw here
            return ValueTask.CompletedTask;
        }
    }
}
