using System.Collections.Concurrent;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Idempotency;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Batch.S3;
using Lambda.Toolkit.Batch.Sns;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Batch.Tests;

/// <summary>The error type a failure reports to Lambda is the one its dead letter carries, and both are stable.</summary>
public class BatchErrorTypeTests
{
    private static void Quick(BatchOptions o)
    {
        o.Retry.Delay = TimeSpan.Zero;
        o.Retry.UseJitter = false;
    }

    [Fact]
    public async Task A_dead_letter_carries_the_error_type_the_failure_would_report_to_Lambda()
    {
        var sink = new RecordingSink();
        var app = Batches.Builder().Build();
        app.MapSqs(
            TestJson.Default.OrderPlaced,
            (order, _, _) => order.Item switch
            {
                "perm" => throw new PermanentFailureException("never valid"),
                "stock" => throw new OutOfStockException(),
                "named" => throw new LambdaFunctionException("Orders.Named", "named failure"),
                _ => throw new InvalidOperationException("plain"),
            },
            o =>
            {
                Quick(o);
                o.DeadLetter = DeadLetters.To(_ => sink);
            });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Batches.Sqs(
            Batches.Message("perm", Batches.Order(1, "perm")),
            Batches.Message("stock", Batches.Order(2, "stock")),
            Batches.Message("named", Batches.Order(3, "named")),
            Batches.Message("plain", Batches.Order(4, "plain")),
            Batches.Message("garbage", "not json {")));

        Assert.Empty(result.Failed());
        var types = sink.Sent.ToDictionary(m => m.RecordId, m => m.ErrorType);
        Assert.Equal(BatchErrorTypes.PermanentFailure, types["perm"]);
        Assert.Equal("Orders.OutOfStock", types["stock"]);
        Assert.Equal("Orders.Named", types["named"]);
        Assert.Equal("InvalidOperationException", types["plain"]);
        Assert.Equal(BatchErrorTypes.InvalidRecord, types["garbage"]);
    }

    [Fact]
    public async Task A_permanent_failure_of_an_asynchronous_source_is_rethrown_with_its_error_type_and_not_retried()
    {
        var attempts = 0;
        var app = Batches.Builder().Build();
        app.MapS3((_, _, _) => { attempts++; throw new PermanentFailureException("not a report"); }, Quick);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"Records":[{"eventSource":"aws:s3","s3":{"bucket":{"name":"b"},"object":{"key":"x.csv"}}}]}""");

        Assert.Equal(BatchErrorTypes.PermanentFailure, result.Error!.ErrorType);
        Assert.Equal("not a report", result.Error.ErrorMessage);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task An_asynchronous_record_held_by_another_invocation_fails_with_IdempotencyConflict()
    {
        var store = new InMemoryIdempotencyStore();
        Assert.Equal(IdempotencyClaim.Claimed, await store.TryClaimAsync("test-function#n1", TimeSpan.FromMinutes(1), CancellationToken.None));
        var handled = new ConcurrentQueue<string>();
        var host = await SnsHost(store, handled);
        await using (host)
        {
            var result = await host.InvokeAsync("""{"Records":[{"EventSource":"aws:sns","Sns":{"MessageId":"n1","Message":"hi"}}]}""");

            Assert.Equal(BatchErrorTypes.IdempotencyConflict, result.Error!.ErrorType);
            Assert.Empty(handled);
        }
    }

    [Fact]
    public async Task An_asynchronous_record_whose_store_fails_fails_with_IdempotencyStoreFailed()
    {
        var handled = new ConcurrentQueue<string>();
        var host = await SnsHost(new UnreachableStore(), handled);
        await using (host)
        {
            var result = await host.InvokeAsync("""{"Records":[{"EventSource":"aws:sns","Sns":{"MessageId":"n1","Message":"hi"}}]}""");

            Assert.Equal(BatchErrorTypes.IdempotencyStoreFailed, result.Error!.ErrorType);
            Assert.Empty(handled);
        }
    }

    [Fact]
    public void The_batch_exceptions_name_their_error_types_and_binding_failures_are_invalid_input()
    {
        var typed = new RecordBindingException(typeof(OrderPlaced), "bad order", new InvalidDataException());
        var untyped = new RecordBindingException("bad payload");

        Assert.IsAssignableFrom<InvalidEventException>(typed);
        Assert.Equal(BatchErrorTypes.InvalidRecord, FunctionError.FromException(typed).ErrorType);
        Assert.Equal(typeof(OrderPlaced), typed.EventType);
        Assert.Equal(typeof(object), untyped.EventType);
        Assert.Equal(BatchErrorTypes.PermanentFailure, FunctionError.FromException(new PermanentFailureException("p")).ErrorType);
        Assert.Equal(BatchErrorTypes.IdempotencyConflict, FunctionError.FromException(new IdempotencyException("held")).ErrorType);
        Assert.Equal(BatchErrorTypes.IdempotencyStoreFailed, FunctionError.FromException(new IdempotencyException("down", new HttpRequestException())).ErrorType);
        Assert.All(
            new[] { BatchErrorTypes.PoisonMessage, BatchErrorTypes.RecordNotProcessed, BatchErrorTypes.IdempotencyConflict, BatchErrorTypes.IdempotencyStoreFailed, BatchErrorTypes.InvalidRecord, BatchErrorTypes.PermanentFailure },
            t => Assert.StartsWith("Lambda.Toolkit.Batch.", t, StringComparison.Ordinal));
    }

    private static async Task<LambdaTestHost> SnsHost(IIdempotencyStore store, ConcurrentQueue<string> handled)
    {
        var builder = Batches.Builder();
        builder.Services.AddSingleton(store);
        var app = builder.Build();
        app.MapSns(
            (record, _, _) =>
            {
                handled.Enqueue(record.Sns.MessageId);
                return ValueTask.CompletedTask;
            },
            o =>
            {
                Quick(o);
                o.Idempotency = Idempotent.With<IIdempotencyStore>();
            });
        return await LambdaTestHost.StartAsync(app);
    }

    private sealed class OutOfStockException() : PermanentFailureException("Orders.OutOfStock", "none left", null);

    private sealed class UnreachableStore : IIdempotencyStore
    {
        public ValueTask<IdempotencyClaim> TryClaimAsync(string key, TimeSpan lease, CancellationToken cancellationToken) => throw new HttpRequestException("The store is unreachable.");

        public ValueTask CompleteAsync(string key, TimeSpan retention, CancellationToken cancellationToken) => throw new HttpRequestException("The store is unreachable.");

        public ValueTask ReleaseAsync(string key, CancellationToken cancellationToken) => throw new HttpRequestException("The store is unreachable.");
    }
}
