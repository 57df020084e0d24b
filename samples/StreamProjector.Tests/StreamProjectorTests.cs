using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace StreamProjector.Tests;

public class StreamProjectorTests
{
    [Fact]
    public async Task The_sample_changes_are_projected_in_order()
    {
        var app = StreamProjectorFunction.Build([]);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", "product-changes.json"));

        Assert.Empty(result.ReadResponse(LambdaEventsJsonContext.Default.BatchResponse).BatchItemFailures);
        var prices = app.Services.GetRequiredService<IPriceIndex>().Prices;
        Assert.Equal(29.90m, Assert.Single(prices, p => p.Key == "book-1").Value);
        Assert.DoesNotContain("mug-7", prices.Keys);
    }

    [Fact]
    public async Task A_change_that_cannot_be_read_stops_the_batch_at_its_sequence_number()
    {
        var app = StreamProjectorFunction.Build([]);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""
            {"Records":[
              {"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{"SequenceNumber":"1","NewImage":{"sku":{"S":"a"},"name":{"S":"A"},"price":{"N":"1"}}}},
              {"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{"SequenceNumber":"2","NewImage":{"sku":{"S":"b"},"name":{"S":"B"},"price":{"S":"free"}}}},
              {"eventName":"INSERT","eventSource":"aws:dynamodb","dynamodb":{"SequenceNumber":"3","NewImage":{"sku":{"S":"c"},"name":{"S":"C"},"price":{"N":"3"}}}}]}
            """);

        Assert.Equal("2", Assert.Single(result.ReadResponse(LambdaEventsJsonContext.Default.BatchResponse).BatchItemFailures).ItemIdentifier);
        Assert.Equal(["a"], app.Services.GetRequiredService<IPriceIndex>().Prices.Keys);
    }
}
