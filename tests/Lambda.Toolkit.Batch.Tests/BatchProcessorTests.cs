using System.Collections.Concurrent;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Batch.Tests;

/// <summary>The processor as the adapters compose it at map time, driven through a real invocation.</summary>
public class BatchProcessorTests
{
    [Fact]
    public async Task A_poison_message_the_sink_refuses_is_reported_with_RecordNotProcessed()
    {
        var handled = 0;
        var sink = new RecordingSink { Refuse = static _ => true };
        var handling = Handling(_ => { handled++; return ValueTask.CompletedTask; }, toDeadLetter: true, receiveCount: 9);

        var result = await ProcessAsync(["p1", "p2"], handling, o =>
        {
            o.DeadLetter = DeadLetters.To(_ => sink);
            o.DeadLetter.MaxReceiveCount = 5;
        });

        Assert.Equal(0, handled);
        Assert.Equal(["p1", "p2"], result.Response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.Equal(BatchErrorTypes.RecordNotProcessed, FunctionError.FromException(result.FirstFailure!).ErrorType);
        Assert.Contains("p1", result.FirstFailure!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_without_dead_letter_conversion_runs_without_dead_letters_and_refuses_them_at_map_time()
    {
        var handling = Handling(static r => r == "bad" ? throw new InvalidDataException("bad record") : ValueTask.CompletedTask, toDeadLetter: false);

        var result = await ProcessAsync(["ok", "bad"], handling, static _ => { }, ProcessingOrder.StopAtFirstFailure);
        var refused = Assert.Throws<ArgumentException>(() => Processor(handling, o => o.DeadLetter = DeadLetters.To(_ => new RecordingSink())));

        Assert.Equal(["bad"], result.Response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.IsType<InvalidDataException>(result.FirstFailure);
        Assert.Contains("dead letters", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task With_no_retries_the_handler_runs_once_and_the_transient_predicate_is_never_asked()
    {
        var attempts = 0;
        var asked = 0;
        var app = Batches.Builder().Build();
        app.MapSqs(
            (_, _, _) => { attempts++; throw new TimeoutException("slow"); },
            o =>
            {
                o.Retry.MaxRetryAttempts = 0;
                o.Retry.IsTransient = _ => { asked++; return true; };
            });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Batches.Sqs(Batches.Message("m", "{}")));

        Assert.Equal(["m"], result.Failed());
        Assert.Equal(1, attempts);
        Assert.Equal(0, asked);
    }

    [Fact]
    public async Task Succeeded_records_report_how_many_attempts_they_took_with_and_without_retries()
    {
        var attempts = new ConcurrentDictionary<string, int>();
        var succeeded = new ConcurrentQueue<RecordSucceeded>();

        foreach (var retries in new[] { 0, 2 })
        {
            var app = Batches.Builder().Build();
            app.MapSqs(
                (message, _, _) =>
                {
                    var key = retries + message.MessageId;
                    return attempts.AddOrUpdate(key, 1, (_, n) => n + 1) < 3 && message.MessageId == "flaky" ? throw new TimeoutException("again") : ValueTask.CompletedTask;
                },
                o =>
                {
                    o.Retry.MaxRetryAttempts = retries;
                    o.Retry.Delay = TimeSpan.Zero;
                    o.Retry.UseJitter = false;
                    o.OnRecordSucceeded = s => { succeeded.Enqueue(s with { RecordId = retries + s.RecordId }); return ValueTask.CompletedTask; };
                });
            await using var host = await LambdaTestHost.StartAsync(app);

            var failed = (await host.InvokeAsync(Batches.Sqs(Batches.Message("steady", "{}"), Batches.Message("flaky", "{}")))).Failed();

            Assert.Equal(retries == 0 ? ["flaky"] : [], failed);
        }

        Assert.Equal(
            [new RecordSucceeded("0steady", 1), new RecordSucceeded("2flaky", 3), new RecordSucceeded("2steady", 1)],
            succeeded.OrderBy(s => s.RecordId, StringComparer.Ordinal));
    }

    private static RecordHandling<string> Handling(Func<string, ValueTask> handle, bool toDeadLetter, int receiveCount = 1) => new()
    {
        Id = static r => r,
        Handle = (r, _, _) => handle(r),
        ReceiveCount = _ => receiveCount,
        ToDeadLetter = toDeadLetter ? static (r, type, message) => new DeadLetterMessage(r, r, type, message) : null,
    };

    private static async Task<BatchResult> ProcessAsync(string[] records, RecordHandling<string> handling, Action<BatchOptions> configure, ProcessingOrder order = ProcessingOrder.Unordered)
    {
        var app = Batches.Builder().Build();
        var processor = Processor(handling, configure);
        BatchResult? result = null;
        app.MapEvent(static _ => true, async context => result = await processor.ProcessAsync(context, records, order));
        await using var host = await LambdaTestHost.StartAsync(app);

        var invocation = await host.InvokeAsync("{}");

        Assert.True(invocation.IsSuccess, invocation.Error?.ErrorMessage);
        return result!;
    }

    private static BatchProcessor<string> Processor(RecordHandling<string> handling, Action<BatchOptions> configure)
    {
        var options = new BatchOptions();
        configure(options);
        return new BatchProcessor<string>(options, handling, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
    }
}
