using System.Collections.Concurrent;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Lambda.Toolkit.Aws.DynamoDb;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Aws.Tests;

public sealed class DynamoDbIdempotencyStoreTests(DynamoDbServerFixture dynamo) : IClassFixture<DynamoDbServerFixture>
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Claims_complete_release_and_expire_like_the_contract_says()
    {
        var table = await dynamo.NewTableAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new DynamoDbIdempotencyStore(dynamo.Client, table, time);

        Assert.Equal(IdempotencyClaim.Claimed, await store.TryClaimAsync("fn#a", Lease, CancellationToken.None));
        Assert.Equal(IdempotencyClaim.InProgress, await store.TryClaimAsync("fn#a", Lease, CancellationToken.None));
        await store.ReleaseAsync("fn#a", CancellationToken.None);
        Assert.Equal(IdempotencyClaim.Claimed, await store.TryClaimAsync("fn#a", Lease, CancellationToken.None));

        time.Advance(Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(IdempotencyClaim.Claimed, await store.TryClaimAsync("fn#a", Lease, CancellationToken.None));   // a crashed holder's lease ran out

        await store.CompleteAsync("fn#a", TimeSpan.FromMinutes(10), CancellationToken.None);
        await store.ReleaseAsync("fn#a", CancellationToken.None);                                                    // completed: not released
        Assert.Equal(IdempotencyClaim.AlreadyCompleted, await store.TryClaimAsync("fn#a", Lease, CancellationToken.None));

        time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(IdempotencyClaim.Claimed, await store.TryClaimAsync("fn#a", Lease, CancellationToken.None));   // retention over
    }

    [Fact]
    public async Task Items_carry_the_status_and_the_expirations_TTL_needs()
    {
        var table = await dynamo.NewTableAsync();
        var now = DateTimeOffset.UtcNow;
        var store = new DynamoDbIdempotencyStore(dynamo.Client, table, new FakeTimeProvider(now));

        await store.TryClaimAsync("fn#b", Lease, CancellationToken.None);
        var claimed = await Item(table, "fn#b");
        await store.CompleteAsync("fn#b", TimeSpan.FromHours(1), CancellationToken.None);
        var completed = await Item(table, "fn#b");

        Assert.Equal("INPROGRESS", claimed["status"].S);
        Assert.Equal((now + Lease).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), claimed["in_progress_expiration"].N);
        Assert.Equal("COMPLETED", completed["status"].S);
        Assert.Equal((now + TimeSpan.FromHours(1)).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), completed["expiration"].N);
        Assert.False(completed.ContainsKey("in_progress_expiration"));
    }

    [Fact]
    public async Task Of_many_concurrent_claims_exactly_one_wins()
    {
        var table = await dynamo.NewTableAsync();
        var store = new DynamoDbIdempotencyStore(dynamo.Client, table);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => store.TryClaimAsync("fn#c", Lease, CancellationToken.None).AsTask()));

        Assert.Equal(1, claims.Count(c => c == IdempotencyClaim.Claimed));
        Assert.Equal(7, claims.Count(c => c == IdempotencyClaim.InProgress));
    }

    [Fact]
    public async Task A_missing_table_is_a_failed_record_not_a_lost_one()
    {
        var handled = new ConcurrentQueue<string>();
        await using var host = await SqsHost("no-such-table", handled);

        var result = await host.InvokeAsync(Batch("m1"));

        Assert.Equal(["m1"], Failed(result));
        Assert.Empty(handled);
    }

    [Fact]
    public async Task An_sqs_batch_delivered_twice_is_handled_once_end_to_end()
    {
        var table = await dynamo.NewTableAsync();
        var handled = new ConcurrentQueue<string>();
        await using var host = await SqsHost(table, handled);

        var first = await host.InvokeAsync(Batch("m1", "m2", "fail"));
        var second = await host.InvokeAsync(Batch("m1", "m2", "fail"));

        Assert.Equal(["fail"], Failed(first));
        Assert.Equal(["fail"], Failed(second));
        Assert.Equal(["fail", "fail", "m1", "m2"], handled.Order(StringComparer.Ordinal));
        Assert.Equal("COMPLETED", (await Item(table, "orders#m1"))["status"].S);
        Assert.False((await dynamo.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = Key("orders#fail"), ConsistentRead = true })).IsItemSet);
    }

    private async Task<LambdaTestHost> SqsHost(string table, ConcurrentQueue<string> handled)
    {
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = Stream.Null);
        builder.Services.AddSingleton<IAmazonDynamoDB>(dynamo.Client);
        var app = builder.Build();
        app.MapSqs(
            (message, _, _) =>
            {
                handled.Enqueue(message.MessageId);
                return message.MessageId == "fail" ? throw new InvalidOperationException("no stock") : ValueTask.CompletedTask;
            },
            o =>
            {
                o.Retry.MaxRetryAttempts = 0;
                o.Idempotency = DynamoDbIdempotency.Table(table);
                o.Idempotency.KeyPrefix = "orders";
            });
        return await LambdaTestHost.StartAsync(app);
    }

    private static string Batch(params string[] ids) => JsonSerializer.Serialize(
        new SqsEvent
        {
            Records = [.. ids.Select(id => new SqsMessage
            {
                MessageId = id,
                Body = "{}",
                EventSource = "aws:sqs",
                EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders",
                Attributes = new Dictionary<string, string> { ["ApproximateReceiveCount"] = "1" },
            })],
        },
        LambdaEventsJsonContext.Default.SqsEvent);

    private static string[] Failed(TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return [.. result.ReadResponse(LambdaEventsJsonContext.Default.BatchResponse).BatchItemFailures.Select(f => f.ItemIdentifier)];
    }

    private static Dictionary<string, AttributeValue> Key(string id) => new() { ["id"] = new AttributeValue { S = id } };

    private async Task<Dictionary<string, AttributeValue>> Item(string table, string id) =>
        (await dynamo.Client.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(id), ConsistentRead = true })).Item;
}
