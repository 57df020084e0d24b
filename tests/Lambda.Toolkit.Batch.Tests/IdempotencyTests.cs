using System.Collections.Concurrent;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Kinesis;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Batch.Tests;

public class IdempotencyTests
{
    private readonly ConcurrentQueue<string> _handled = new();
    private readonly ConcurrentQueue<RecordSucceeded> _succeeded = new();
    private readonly RecordingSink _sink = new();

    private async Task<LambdaTestHost> Host(IIdempotencyStore store, Func<OrderPlaced, bool>? fails = null, Action<BatchOptions>? configure = null, int parallelism = 1)
    {
        var builder = Batches.Builder();
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(_sink);
        var app = builder.Build();
        app.MapSqs(
            TestJson.Default.OrderPlaced,
            (order, context, _) =>
            {
                _handled.Enqueue(context.Record.MessageId);
                return fails?.Invoke(order) == true ? throw new InvalidOperationException("warehouse down") : ValueTask.CompletedTask;
            },
            o =>
            {
                o.Retry.MaxRetryAttempts = 0;
                o.MaxDegreeOfParallelism = parallelism;
                o.Idempotency = Idempotent.With<IIdempotencyStore>();
                o.OnRecordSucceeded = s =>
                {
                    _succeeded.Enqueue(s);
                    return ValueTask.CompletedTask;
                };
                configure?.Invoke(o);
            });
        return await LambdaTestHost.StartAsync(app);
    }

    [Fact]
    public async Task A_redelivered_batch_is_acknowledged_without_handling_any_record_twice()
    {
        await using var host = await Host(new InMemoryIdempotencyStore(), parallelism: 4);
        var batch = Batches.Sqs(Batches.Message("m1", Batches.Order(1)), Batches.Message("m2", Batches.Order(2)), Batches.Message("m3", Batches.Order(3)));

        var first = await host.InvokeAsync(batch);
        var second = await host.InvokeAsync(batch);

        Assert.Empty(first.Failed());
        Assert.Empty(second.Failed());
        Assert.Equal(["m1", "m2", "m3"], _handled.Order(StringComparer.Ordinal));
        Assert.Equal(3, _succeeded.Count(s => s.Attempts == 0));
    }

    [Fact]
    public async Task A_failed_record_is_released_and_handled_again_on_its_next_delivery()
    {
        var down = true;
        await using var host = await Host(new InMemoryIdempotencyStore(), fails: o => o.Item == "lamp" && down);
        var batch = Batches.Sqs(Batches.Message("m1", Batches.Order(1)), Batches.Message("m2", Batches.Order(2, "lamp")));

        Assert.Equal(["m2"], (await host.InvokeAsync(batch)).Failed());
        down = false;
        Assert.Empty((await host.InvokeAsync(batch)).Failed());

        Assert.Equal(["m1", "m2", "m2"], _handled);
    }

    [Fact]
    public async Task A_record_claimed_by_another_invocation_is_reported_failed_without_handling_or_dead_lettering()
    {
        var store = new InMemoryIdempotencyStore();
        Assert.Equal(IdempotencyClaim.Claimed, await store.TryClaimAsync("test-function#m2", TimeSpan.FromMinutes(1), CancellationToken.None));
        await using var host = await Host(store, configure: o => o.DeadLetter = DeadLetters.To<RecordingSink>());

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", Batches.Order(1)), Batches.Message("m2", Batches.Order(2))));

        Assert.Equal(["m2"], result.Failed());
        Assert.Equal(["m1"], _handled);
        Assert.Empty(_sink.Sent);
    }

    [Fact]
    public async Task A_failing_store_fails_the_record_never_drops_it()
    {
        await using var host = await Host(new FailingStore(), configure: o => o.DeadLetter = DeadLetters.To<RecordingSink>());

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", Batches.Order(1))));

        Assert.Equal(["m1"], result.Failed());
        Assert.Empty(_handled);
        Assert.Empty(_sink.Sent);
    }

    [Fact]
    public async Task A_store_that_fails_after_the_work_keeps_the_record_succeeded()
    {
        var store = new FailingStore { FailClaims = false };
        await using var host = await Host(store);

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", Batches.Order(1))));

        Assert.Empty(result.Failed());
        Assert.Equal(["m1"], _handled);
    }

    [Fact]
    public async Task A_duplicate_in_a_fifo_group_lets_the_rest_of_the_group_go_on()
    {
        var store = new InMemoryIdempotencyStore();
        await store.CompleteAsync("test-function#f1", TimeSpan.FromHours(1), CancellationToken.None);
        await using var host = await Host(store);

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("f1", Batches.Order(1), group: "g"), Batches.Message("f2", Batches.Order(2), group: "g")));

        Assert.Empty(result.Failed());
        Assert.Equal(["f2"], _handled);
    }

    [Fact]
    public async Task Keys_carry_the_prefix_so_functions_sharing_a_store_stay_apart()
    {
        var store = new InMemoryIdempotencyStore();
        await store.CompleteAsync("test-function#m1", TimeSpan.FromHours(1), CancellationToken.None);
        await using var host = await Host(store, configure: o => o.Idempotency!.KeyPrefix = "billing");

        await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", Batches.Order(1))));

        Assert.Equal(["m1"], _handled);
        Assert.Equal(IdempotencyClaim.AlreadyCompleted, await store.TryClaimAsync("billing#m1", TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task A_stream_batch_retried_after_a_failure_skips_what_it_already_handled_keyed_by_event_id()
    {
        var store = new InMemoryIdempotencyStore();
        var failing = true;
        var handled = new ConcurrentQueue<string>();
        var builder = Batches.Builder();
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        app.MapKinesis(
            TestJson.Default.OrderPlaced,
            (order, context, _) =>
            {
                handled.Enqueue(context.Record.Kinesis.SequenceNumber);
                return order.Item == "lamp" && failing ? throw new InvalidOperationException("warehouse down") : ValueTask.CompletedTask;
            },
            o =>
            {
                o.Retry.MaxRetryAttempts = 0;
                o.Idempotency = Idempotent.With<InMemoryIdempotencyStore>();
            });
        await using var host = await LambdaTestHost.StartAsync(app);
        var batch = Batches.Kinesis(("1", Batches.Order(1)), ("2", Batches.Order(2, "lamp")), ("3", Batches.Order(3)));

        Assert.Equal(["2"], (await host.InvokeAsync(batch)).Failed());
        failing = false;
        Assert.Empty((await host.InvokeAsync(batch)).Failed());

        Assert.Equal(["1", "2", "2", "3"], handled);
        Assert.Equal(IdempotencyClaim.AlreadyCompleted, await store.TryClaimAsync("test-function#shardId-000000000007:1", TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task The_in_memory_store_expires_leases_and_completed_keys()
    {
        var time = new FakeTimeProvider();
        var store = new InMemoryIdempotencyStore(time);

        Assert.Equal(IdempotencyClaim.Claimed, await store.TryClaimAsync("k", TimeSpan.FromSeconds(30), CancellationToken.None));
        Assert.Equal(IdempotencyClaim.InProgress, await store.TryClaimAsync("k", TimeSpan.FromSeconds(30), CancellationToken.None));
        time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(IdempotencyClaim.Claimed, await store.TryClaimAsync("k", TimeSpan.FromSeconds(30), CancellationToken.None));
        await store.CompleteAsync("k", TimeSpan.FromMinutes(5), CancellationToken.None);
        await store.ReleaseAsync("k", CancellationToken.None);
        Assert.Equal(IdempotencyClaim.AlreadyCompleted, await store.TryClaimAsync("k", TimeSpan.FromSeconds(30), CancellationToken.None));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(IdempotencyClaim.Claimed, await store.TryClaimAsync("k", TimeSpan.FromSeconds(30), CancellationToken.None));
    }

    [Fact]
    public async Task A_retention_that_is_not_positive_and_an_unregistered_store_fail_init()
    {
        var app = Batches.Builder().Build();

        app.MapSqs(TestJson.Default.OrderPlaced, (_, _, _) => ValueTask.CompletedTask, o =>
        {
            o.Idempotency = Idempotent.With<InMemoryIdempotencyStore>();
            o.Idempotency.Retention = TimeSpan.Zero;
        });
        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("SQS: Idempotency.Retention must be positive", error.Message);
        Assert.Contains("SQS: InMemoryIdempotencyStore is not registered", error.Message);
    }

    private sealed class FailingStore : IIdempotencyStore
    {
        public bool FailClaims { get; init; } = true;

        public ValueTask<IdempotencyClaim> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) =>
            FailClaims ? throw new HttpRequestException("The store is unreachable.") : ValueTask.FromResult(IdempotencyClaim.Claimed);

        public ValueTask CompleteAsync(string key, TimeSpan retention, CancellationToken cancellationToken) => throw new HttpRequestException("The store is unreachable.");

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken) => throw new HttpRequestException("The store is unreachable.");
    }
}
