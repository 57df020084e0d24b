using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Tests.Simulation;

/// <summary>The SQS engine on the virtual clock, against an in-process scripted function.</summary>
public sealed class SqsSimulationTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly SimulatedClock _clock = new(Start);

    private static SqsEvent Read(string payload) => LambdaEventSerializer.Deserialize(payload, LambdaEventsJsonContext.Default.SqsEvent);

    /// <summary>Fails every record whose body contains "poison" through batchItemFailures.</summary>
    private static FunctionInvocation FailPoison(string payload, int _)
    {
        var failed = Read(payload).Records.Where(r => r.Body.Contains("poison", StringComparison.Ordinal)).Select(r => $$"""{"itemIdentifier":"{{r.MessageId}}"}""");
        return ScriptedFunction.Respond($$"""{"batchItemFailures":[{{string.Join(",", failed)}}]}""");
    }

    private static IReadOnlyList<(int Line, SqsMessage Message)> Messages(params string[] lines) =>
        SqsMessageFile.Parse(string.Join("\n", lines), "messages.jsonl");

    private async Task<(IReadOnlyList<RecordFate> Fates, ScriptedFunction Function, SqsSimulation Simulation)> Run(SqsSimulationOptions options, Func<string, int, FunctionInvocation> answer, params string[] lines)
    {
        var function = new ScriptedFunction(_clock, answer);
        var simulation = new SqsSimulation(options, function, _clock, "orders", TextWriter.Null);
        var fates = await simulation.RunAsync(Messages(lines), CancellationToken.None);
        return (fates, function, simulation);
    }

    [Fact]
    public async Task A_poison_message_is_dead_lettered_after_maxReceiveCount_receives_and_the_rest_processed_once()
    {
        var (fates, function, _) = await Run(new SqsSimulationOptions { MaxReceiveCount = 3 }, FailPoison, "\"a\"", "\"poison\"", "\"b\"");

        Assert.Equal([FateOutcome.Processed, FateOutcome.DeadLettered, FateOutcome.Processed], fates.Select(f => f.Outcome));
        Assert.Equal([1, 3, 1], fates.Select(f => f.Deliveries));
        Assert.StartsWith("received 3 times (maxReceiveCount 3), so SQS moved it to the dead-letter queue at t+90s instead of receive 4", fates[1].Why, StringComparison.Ordinal);

        // Each receive waits out the visibility timeout on the virtual clock: 0 s, 30 s, 60 s, then the redrive at 90 s.
        Assert.Equal([0, 30, 60], function.Invocations.Select(i => i.At.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(90), _clock.Elapsed);
    }

    [Fact]
    public async Task Records_carry_the_attributes_SQS_sets_on_each_receive()
    {
        var (_, function, _) = await Run(new SqsSimulationOptions { MaxReceiveCount = 2 }, FailPoison, "\"poison\"");

        var first = Read(function.Invocations[0].Payload).Records.Single();
        var second = Read(function.Invocations[1].Payload).Records.Single();
        Assert.Equal("1", first.Attributes!["ApproximateReceiveCount"]);
        Assert.Equal("2", second.Attributes!["ApproximateReceiveCount"]);
        Assert.Equal(Start.ToUnixTimeMilliseconds().ToString(), second.Attributes["SentTimestamp"]);
        Assert.Equal(Start.ToUnixTimeMilliseconds().ToString(), second.Attributes["ApproximateFirstReceiveTimestamp"]);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
        Assert.Equal("aws:sqs", second.EventSource);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders", second.EventSourceArn);
        Assert.Equal("35393c24384b8862798716628f7bc6f4", second.Md5OfBody); // MD5 of "poison"
        Assert.False(second.Attributes.ContainsKey("MessageGroupId"));
    }

    [Fact]
    public async Task Without_a_redrive_policy_a_poison_message_is_lost_when_its_retention_period_ends()
    {
        var (fates, function, _) = await Run(new SqsSimulationOptions { Retention = TimeSpan.FromSeconds(75) }, FailPoison, "\"poison\"");

        var fate = Assert.Single(fates);
        Assert.Equal(FateOutcome.Lost, fate.Outcome);
        Assert.Equal(3, fate.Deliveries); // 0 s, 30 s, 60 s; expired at 75 s
        Assert.StartsWith("message retention period (75 s) ran out after 3 receive(s)", fate.Why, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(75), _clock.Elapsed);
        Assert.Equal(ExitCodes.FunctionError, SimulationReport.ExitCode(fates));
        Assert.Equal(3, function.Invocations.Count);
    }

    [Fact]
    public async Task With_ReportBatchItemFailures_off_a_reported_failure_is_deleted_and_listed_as_lost()
    {
        var (fates, _, _) = await Run(new SqsSimulationOptions { ReportBatchItemFailures = false, MaxReceiveCount = 3 }, FailPoison, "\"a\"", "\"poison\"");

        Assert.Equal(FateOutcome.Processed, fates[0].Outcome);
        Assert.Equal(FateOutcome.Lost, fates[1].Outcome);
        Assert.Equal(1, fates[1].Deliveries);
        Assert.Contains("ReportBatchItemFailures is off, so Lambda deleted the whole batch", fates[1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_error_brings_the_whole_batch_back_so_good_records_are_handled_twice()
    {
        var (fates, _, simulation) = await Run(new SqsSimulationOptions(), (_, n) => n == 1 ? ScriptedFunction.Fail() : ScriptedFunction.Respond("{}"), "\"a\"", "\"b\"");

        Assert.All(fates, f => Assert.Equal(FateOutcome.Processed, f.Outcome));
        Assert.All(fates, f => Assert.Equal(2, f.Deliveries));
        Assert.Equal(2, simulation.Invocations);
        Assert.Contains("\"duplicates\":2", SimulationReport.Summary("sqs", fates, 2, 1, _clock.Elapsed), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData((int)InvocationKind.Timeout)]
    [InlineData((int)InvocationKind.EnvironmentFailed)]
    public async Task No_record_is_processed_without_a_response(int kind)
    {
        var failure = (InvocationKind)kind;
        var (fates, _, _) = await Run(new SqsSimulationOptions { MaxReceiveCount = 2 }, (_, _) => ScriptedFunction.Fail(failure), "\"a\"", "\"b\"");

        Assert.All(fates, f => Assert.Equal(FateOutcome.DeadLettered, f.Outcome));
        Assert.All(fates, f => Assert.Equal(2, f.Deliveries));
    }

    [Fact]
    public async Task Time_spent_in_the_function_moves_the_virtual_clock()
    {
        var (_, function, _) = await Run(new SqsSimulationOptions { BatchSize = 1 }, (_, _) => ScriptedFunction.Respond("{}", TimeSpan.FromSeconds(10)), "\"a\"", "\"b\"");

        Assert.Equal([0, 10], function.Invocations.Select(i => i.At.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(20), _clock.Elapsed);
    }

    [Fact]
    public async Task A_batch_window_gathers_until_it_ends_when_the_batch_is_not_full()
    {
        var (_, function, _) = await Run(new SqsSimulationOptions { BatchSize = 20, BatchWindow = TimeSpan.FromSeconds(5) }, (_, _) => ScriptedFunction.Respond("{}"), "\"a\"", "\"b\"");

        var invocation = Assert.Single(function.Invocations);
        Assert.Equal(5, invocation.At.TotalSeconds);
        Assert.Equal(2, Read(invocation.Payload).Records.Count);
    }

    [Fact]
    public async Task A_full_batch_does_not_wait_for_the_window()
    {
        var (_, function, _) = await Run(new SqsSimulationOptions { BatchSize = 2, BatchWindow = TimeSpan.FromSeconds(5) }, (_, _) => ScriptedFunction.Respond("{}"), "\"a\"", "\"b\"", "\"c\"");

        Assert.Equal([0, 5], function.Invocations.Select(i => i.At.TotalSeconds));
    }

    [Fact]
    public async Task Batches_stop_at_the_6_MB_payload_limit()
    {
        var big = "\"" + new string('x', 1_000_000) + "\"";
        var (fates, function, _) = await Run(new SqsSimulationOptions(), (_, _) => ScriptedFunction.Respond("{}"), [.. Enumerable.Repeat(big, 8)]);

        Assert.Equal([6, 2], function.Invocations.Select(i => Read(i.Payload).Records.Count));
        Assert.All(function.Invocations, i => Assert.True(i.Payload.Length <= SqsRules.MaxBatchBytes));
        Assert.All(fates, f => Assert.Equal(FateOutcome.Processed, f.Outcome));
    }

    [Fact]
    public async Task Fifo_blocks_a_message_group_while_its_earlier_message_is_in_flight()
    {
        var lines = new[]
        {
            """{"body":"poison","attributes":{"MessageGroupId":"A"}}""",
            """{"body":"a2","attributes":{"MessageGroupId":"A"}}""",
            """{"body":"b1","attributes":{"MessageGroupId":"B"}}""",
        };

        var (fates, function, _) = await Run(new SqsSimulationOptions { Fifo = true, BatchSize = 1, MaxReceiveCount = 2 }, FailPoison, lines);

        var bodies = function.Invocations.Select(i => (Read(i.Payload).Records.Single().Body, i.At.TotalSeconds)).ToList();
        Assert.Equal([("poison", 0), ("b1", 0), ("poison", 30), ("a2", 60)], bodies);
        Assert.Equal([FateOutcome.DeadLettered, FateOutcome.Processed, FateOutcome.Processed], fates.Select(f => f.Outcome));
        Assert.Equal("deleted after receive 1 at t+60s (the function succeeded)", fates[1].Why);
        var record = Read(function.Invocations[0].Payload).Records.Single();
        Assert.Equal("A", record.Attributes!["MessageGroupId"]);
        Assert.Equal(20, record.Attributes["SequenceNumber"].Length);
        Assert.Equal(64, record.Attributes["MessageDeduplicationId"].Length);
        Assert.Equal("arn:aws:sqs:us-east-1:123456789012:orders.fifo", record.EventSourceArn);
    }

    [Fact]
    public async Task Fifo_deduplicates_a_message_sent_twice_within_five_minutes()
    {
        var (fates, function, _) = await Run(new SqsSimulationOptions { Fifo = true }, (_, _) => ScriptedFunction.Respond("{}"), "\"same\"", "\"same\"", """{"body":"same","attributes":{"MessageDeduplicationId":"other"}}""");

        Assert.Equal([FateOutcome.Processed, FateOutcome.Deduplicated, FateOutcome.Processed], fates.Select(f => f.Outcome));
        Assert.StartsWith("FIFO deduplication: same MessageDeduplicationId as line 1", fates[1].Why, StringComparison.Ordinal);
        Assert.Equal(2, Read(Assert.Single(function.Invocations).Payload).Records.Count);
    }

    [Fact]
    public async Task Cancelling_leaves_the_unsettled_records_pending()
    {
        using var cancel = new CancellationTokenSource();
        var function = new ScriptedFunction(_clock, (_, _) =>
        {
            cancel.Cancel();
            return ScriptedFunction.Fail();
        });
        var fates = await new SqsSimulation(new SqsSimulationOptions(), function, _clock, "orders", TextWriter.Null).RunAsync(Messages("\"a\""), cancel.Token);

        Assert.Equal(FateOutcome.Pending, Assert.Single(fates).Outcome);
        Assert.Equal(1, fates[0].Deliveries);
    }
}
