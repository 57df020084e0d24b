using Lambda.Toolkit;
using Lambda.Toolkit.Batch.DynamoDbStreams;
using Lambda.Toolkit.Events.DynamoDb;
using Microsoft.Extensions.DependencyInjection;

namespace StreamProjector;

/// <summary>
/// Projects a DynamoDB table of products, through its stream, into a read model (a price index here).
/// Records are applied in order; the first one that fails stops the batch and is reported, so Lambda
/// resumes from it and the projection never skips a change.
/// </summary>
public static class StreamProjectorFunction
{
    public static LambdaApplication Build(string[] args)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        builder.Services.AddSingleton<IPriceIndex, InMemoryPriceIndex>();   // reused warm
        var app = builder.Build();
        app.MapDynamoDbStream(ProductJsonContext.Default.Product, (change, context, cancellationToken) =>
        {
            var index = context.Services.GetRequiredService<IPriceIndex>();
            switch (change.Change)
            {
                case DynamoDbChange.Insert or DynamoDbChange.Modify when change.NewItem is { } product:
                    index.Upsert(product);
                    break;
                case DynamoDbChange.Remove when change.OldItem is { } removed:
                    index.Remove(removed.Sku);
                    break;
                case DynamoDbChange.Remove:
                    index.Remove(change.Keys?["sku"].S ?? throw new InvalidOperationException("A REMOVE record has neither an old image nor a sku key."));
                    break;
                default:
                    throw new InvalidOperationException($"Record {change.Record.DynamoDb.SequenceNumber} ({change.Record.EventName}) has no new image; the stream must use NEW_AND_OLD_IMAGES.");
            }

            return ValueTask.CompletedTask;
        });
        return app;
    }
}
