using System.Collections.Concurrent;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Retry;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Batch.Tests;

public class SqsTests
{
    private static async Task<LambdaTestHost> Host(Func<OrderPlaced, RecordContext<SqsMessage>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null, Action<IServiceCollection>? services = null, TimeProvider? time = null)
    {
        var builder = Batches.Builder(time);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapSqs(TestJson.Default.OrderPlaced, handler, o =>
        {
            o.Retry.Delay = TimeSpan.Zero;
            o.Retry.UseJitter = false;
            configure?.Invoke(o);
        });
        return await LambdaTestHost.StartAsync(app, new LambdaTestHostOptions { TimeProvider = time });
    }

    [Fact]
    public async Task Only_the_failed_messages_are_reported()
    {
        await using var host = await Host((order, _, _) => order.Item == "bad" ? throw new InvalidOperationException("no") : ValueTask.CompletedTask);

        var result = await host.InvokeAsync(Batches.Sqs(
            Batches.Message("m1", Batches.Order(1)),
            Batches.Message("m2", Batches.Order(2, "bad")),
            Batches.Message("m3", Batches.Order(3)),
            Batches.Message("m4", Batches.Order(4, "bad"))));

        Assert.Equal(["m2", "m4"], result.Failed());
    }

    [Fact]
    public async Task All_succeeded_is_an_empty_failure_list()
    {
        await using var host = await Host((_, _, _) => ValueTask.CompletedTask);

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", Batches.Order(1))));

        Assert.Equal("""{"batchItemFailures":[]}""", result.ResponseText);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_fails_that_message_only_and_is_not_retried()
    {
        var attempts = new ConcurrentDictionary<string, int>();
        await using var host = await Host((order, context, _) =>
        {
            attempts.AddOrUpdate(context.Record.MessageId, 1, (_, n) => n + 1);
            return ValueTask.CompletedTask;
        });

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("ok", Batches.Order(1)), Batches.Message("garbage", "not json {"), Batches.Message("shape", """{"orderId":"x"}""")));

        Assert.Equal(["garbage", "shape"], result.Failed());
        Assert.Equal(1, attempts["ok"]);
        Assert.False(attempts.ContainsKey("garbage"));
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_permanent_ones_are_not()
    {
        var attempts = new ConcurrentDictionary<string, int>();
        await using var host = await Host((order, context, _) =>
        {
            var n = attempts.AddOrUpdate(context.Record.MessageId, 1, (_, v) => v + 1);
            return order.Item switch
            {
                "flaky" when n < 3 => throw new TimeoutException("try again"),
                "invalid" => throw new PermanentFailureException("never valid"),
                "down" => throw new HttpRequestException("down"),
                _ => ValueTask.CompletedTask,
            };
        });

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("flaky", Batches.Order(1, "flaky")), Batches.Message("invalid", Batches.Order(2, "invalid")), Batches.Message("down", Batches.Order(3, "down"))));

        Assert.Equal(["invalid", "down"], result.Failed());
        Assert.Equal(3, attempts["flaky"]);
        Assert.Equal(1, attempts["invalid"]);
        Assert.Equal(3, attempts["down"]); // 1 + MaxRetryAttempts (2)
    }

    [Fact]
    public async Task The_transient_predicate_decides_what_is_retried()
    {
        var attempts = 0;
        await using var host = await Host(
            (_, _, _) => { Interlocked.Increment(ref attempts); throw new InvalidOperationException("bug"); },
            o => o.Retry.IsTransient = static ex => ex is TimeoutException);

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("m", Batches.Order(1))));

        Assert.Equal(["m"], result.Failed());
        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Standard_queue_messages_run_in_parallel_up_to_the_limit()
    {
        var running = 0;
        var peak = 0;
        await using var host = await Host(
            async (_, _, ct) =>
            {
                var now = Interlocked.Increment(ref running);
                int seen;
                while ((seen = Volatile.Read(ref peak)) < now && Interlocked.CompareExchange(ref peak, now, seen) != seen)
                {
                }

                await Task.Delay(20, ct);
                Interlocked.Decrement(ref running);
            },
            o => o.MaxDegreeOfParallelism = 4);

        var result = await host.InvokeAsync(Batches.Sqs(Enumerable.Range(0, 16).Select(i => Batches.Message($"m{i}", Batches.Order(i))).ToArray()));

        Assert.Empty(result.Failed());
        Assert.InRange(peak, 2, 4);
    }

    [Fact]
    public async Task Fifo_groups_keep_order_and_a_failure_stops_only_its_group()
    {
        var handled = new ConcurrentQueue<string>();
        await using var host = await Host(
            (order, context, _) =>
            {
                handled.Enqueue(context.Record.MessageId);
                return order.Item == "bad" ? throw new InvalidOperationException("no") : ValueTask.CompletedTask;
            },
            o => o.MaxDegreeOfParallelism = 2);

        var result = await host.InvokeAsync(Batches.Sqs(
            Batches.Message("a1", Batches.Order(1), "A"),
            Batches.Message("b1", Batches.Order(2), "B"),
            Batches.Message("a2", Batches.Order(3, "bad"), "A"),
            Batches.Message("b2", Batches.Order(4), "B"),
            Batches.Message("a3", Batches.Order(5), "A"),
            Batches.Message("b3", Batches.Order(6), "B")));

        Assert.Equal(["a2", "a3"], result.Failed());
        Assert.DoesNotContain("a3", handled);
        var order = handled.ToList();
        Assert.True(order.IndexOf("a1") < order.IndexOf("a2"));
        Assert.True(order.IndexOf("b1") < order.IndexOf("b2") && order.IndexOf("b2") < order.IndexOf("b3"));
    }

    [Fact]
    public async Task Exhausted_messages_go_to_the_dead_letter_sink_and_are_acknowledged()
    {
        var sink = new RecordingSink();
        await using var host = await Host(
            (order, _, _) => order.Item == "bad" ? throw new InvalidOperationException("cannot ship") : ValueTask.CompletedTask,
            o => o.DeadLetter = DeadLetters.To(_ => sink));

        var message = Batches.Message("m2", Batches.Order(2, "bad"));
        message.MessageAttributes = new() { ["tenant"] = new SqsMessageAttribute { DataType = "String", StringValue = "acme" } };
        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", Batches.Order(1)), message));

        Assert.Empty(result.Failed());
        var letter = Assert.Single(sink.Sent);
        Assert.Equal("m2", letter.RecordId);
        Assert.Equal(Batches.Order(2, "bad"), letter.Body);
        Assert.Equal("InvalidOperationException", letter.ErrorType);
        Assert.Equal("cannot ship", letter.ErrorMessage);
        Assert.Equal("acme", letter.Attributes!["tenant"].StringValue);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders", letter.Source);
    }

    [Fact]
    public async Task A_refusing_or_failing_sink_leaves_the_message_reported_failed()
    {
        var sink = new RecordingSink { Refuse = m => m.RecordId == "m2" };
        await using var host = await Host((_, _, _) => throw new InvalidOperationException("no"), o => o.DeadLetter = DeadLetters.To(_ => sink));

        var refused = await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", Batches.Order(1)), Batches.Message("m2", Batches.Order(2))));
        sink.Throw = true;
        var failing = await host.InvokeAsync(Batches.Sqs(Batches.Message("m3", Batches.Order(3))));

        Assert.Equal(["m2"], refused.Failed());
        Assert.Equal(["m3"], failing.Failed());
    }

    [Fact]
    public async Task Poison_messages_go_to_the_sink_without_being_handled()
    {
        var sink = new RecordingSink();
        var handled = new ConcurrentQueue<string>();
        await using var host = await Host(
            (_, context, _) => { handled.Enqueue(context.Record.MessageId); return ValueTask.CompletedTask; },
            o =>
            {
                o.DeadLetter = DeadLetters.To(_ => sink);
                o.DeadLetter.MaxReceiveCount = 5;
            });

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("fresh", Batches.Order(1), receiveCount: 5), Batches.Message("poison", Batches.Order(2), receiveCount: 6)));

        Assert.Empty(result.Failed());
        Assert.Equal(["fresh"], handled);
        Assert.Equal(BatchErrorTypes.PoisonMessage, Assert.Single(sink.Sent).ErrorType);
    }

    [Fact]
    public async Task The_dead_letter_send_is_cut_short_on_the_invocations_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var sink = new StallingSink();
        await using var host = await Host(
            (_, _, _) => throw new InvalidOperationException("no"),
            o =>
            {
                o.Retry.MaxRetryAttempts = 0;
                o.DeadLetter = DeadLetters.To(_ => sink);
            },
            time: time);

        var invocation = host.InvokeAsync(Batches.Sqs(Batches.Message("m1", Batches.Order(1))), new TestInvocation { Timeout = TimeSpan.FromSeconds(5) });
        var token = await sink.Entered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(4.8));
        Assert.False(token.IsCancellationRequested); // 5 s less the 150 ms reserve to answer Lambda: 4.85 s
        time.Advance(TimeSpan.FromMilliseconds(60)); // 4.86 s: past the send's deadline, before the invocation is abandoned at 4.9 s
        var result = await invocation.WaitAsync(TimeSpan.FromSeconds(3)); // the wall clock would take 4.85 s

        Assert.True(token.IsCancellationRequested);
        Assert.Equal(["m1"], result.Failed());
    }

    /// <summary>A dead-letter sink that waits until its token is cancelled.</summary>
    private sealed class StallingSink : IDeadLetterSink
    {
        public TaskCompletionSource<CancellationToken> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async ValueTask<IReadOnlyCollection<string>> SendAsync(IReadOnlyList<DeadLetterMessage> messages, CancellationToken cancellationToken)
        {
            Entered.TrySetResult(cancellationToken);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            return [];
        }
    }

    [Fact]
    public async Task Records_unfinished_at_the_deadline_are_reported_failed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var started = new TaskCompletionSource();
        await using var host = await Host(
            async (order, _, ct) =>
            {
                if (order.Item == "slow")
                {
                    started.TrySetResult();
                    await Task.Delay(TimeSpan.FromMinutes(1), time, ct);
                }
            },
            time: time);

        var invocation = host.InvokeAsync(
            Batches.Sqs(Batches.Message("quick", Batches.Order(1)), Batches.Message("slow", Batches.Order(2, "slow")), Batches.Message("later", Batches.Order(3))),
            new TestInvocation { Timeout = TimeSpan.FromSeconds(5) });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(4.6)); // past the 500 ms cancellation margin
        var result = await invocation.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["slow", "later"], result.Failed());
    }

    [Fact]
    public async Task Class_handlers_get_a_scope_per_message_and_hooks_see_every_outcome()
    {
        var succeeded = new ConcurrentQueue<string>();
        var failed = new ConcurrentQueue<string>();
        BatchCompleted? totals = null;
        var builder = Batches.Builder();
        builder.Services.AddScoped<ScopeProbe>();
        builder.Services.AddSingleton<ConcurrentBag<Guid>>();
        builder.Services.AddScoped<OrderHandler>();
        var app = builder.Build();
        app.MapSqs<OrderPlaced, OrderHandler>(TestJson.Default.OrderPlaced, o =>
        {
            o.Retry.MaxRetryAttempts = 0;
            o.OnRecordSucceeded = s => { succeeded.Enqueue(s.RecordId); return ValueTask.CompletedTask; };
            o.OnRecordFailed = f => { failed.Enqueue(f.RecordId); return ValueTask.CompletedTask; };
            o.OnBatchCompleted = b => { totals = b; return ValueTask.CompletedTask; };
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("m1", Batches.Order(1)), Batches.Message("m2", Batches.Order(2, "bad")), Batches.Message("m3", Batches.Order(3))));

        Assert.Equal(["m2"], result.Failed());
        Assert.Equal(["m1", "m3"], succeeded);
        Assert.Equal(["m2"], failed);
        Assert.Equal(new BatchCompleted(3, 2, 1, 0), totals);
        Assert.Equal(3, app.Services.GetRequiredService<ConcurrentBag<Guid>>().Distinct().Count());
    }

    [Fact]
    public async Task Invalid_options_fail_init_not_Main()
    {
        var app = Batches.Builder().Build();

        app.MapSqs((_, _, _) => ValueTask.CompletedTask, o =>
        {
            o.MaxDegreeOfParallelism = 0;
            o.Retry.MaxRetryAttempts = -1;
        });
        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));

        Assert.Contains("MaxDegreeOfParallelism must be at least 1", error.Message);
        Assert.Contains("MaxRetryAttempts must not be negative", error.Message);
    }

    [Fact]
    public async Task An_unknown_attribute_type_fails_only_the_message_that_reads_it()
    {
        var builder = Batches.Builder();
        var app = builder.Build();
        app.MapSqs((message, _, _) =>
        {
            _ = message.GetMessageAttribute("kind")?.GetString();
            return ValueTask.CompletedTask;
        }, o => o.Retry.MaxRetryAttempts = 0);
        await using var host = await LambdaTestHost.StartAsync(app);
        var odd = Batches.Message("odd", "{}");
        odd.MessageAttributes = new() { ["kind"] = new SqsMessageAttribute { DataType = "Tensor", StringValue = "x" } };
        var fine = Batches.Message("fine", "{}");
        fine.MessageAttributes = new() { ["kind"] = new SqsMessageAttribute { DataType = "String", StringValue = "x" } };

        var result = await host.InvokeAsync(Batches.Sqs(odd, fine));

        Assert.Equal(["odd"], result.Failed());
    }

    public sealed class ScopeProbe
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    public sealed class OrderHandler(ScopeProbe probe, ConcurrentBag<Guid> scopes) : ISqsMessageHandler<OrderPlaced>
    {
        public ValueTask HandleAsync(OrderPlaced message, RecordContext<SqsMessage> context, CancellationToken cancellationToken)
        {
            scopes.Add(probe.Id);
            return message.Item == "bad" ? throw new InvalidOperationException("bad item") : ValueTask.CompletedTask;
        }
    }
}
