using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Tests.Simulation;

/// <summary>The stream engine (Kinesis and DynamoDB Streams) on the virtual clock, against an in-process scripted function.</summary>
public sealed class StreamSimulationTests : IDisposable
{
    private readonly SimulatedClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly string _failures = Path.GetTempFileName();

    public void Dispose() => File.Delete(_failures);

    private static string[] Data(string payload) =>
        [.. LambdaEventSerializer.Deserialize(payload, LambdaEventsJsonContext.Default.KinesisEvent).Records.Select(r => Encoding.UTF8.GetString(r.Kinesis.DecodeData()))];

    /// <summary>Throws (a function error) when the batch holds the poison record.</summary>
    private static FunctionInvocation ThrowOnPoison(string payload, int _) =>
        Data(payload).Contains("poison") ? ScriptedFunction.Fail() : ScriptedFunction.Respond("{}");

    /// <summary>Reports the poison record in batchItemFailures.</summary>
    private static FunctionInvocation ReportPoison(string payload, int _)
    {
        var failed = LambdaEventSerializer.Deserialize(payload, LambdaEventsJsonContext.Default.KinesisEvent).Records
            .Where(r => Encoding.UTF8.GetString(r.Kinesis.DecodeData()) == "poison")
            .Select(r => $$"""{"itemIdentifier":"{{r.Kinesis.SequenceNumber}}"}""");
        return ScriptedFunction.Respond($$"""{"batchItemFailures":[{{string.Join(",", failed)}}]}""");
    }

    private async Task<(IReadOnlyList<RecordFate> Fates, ScriptedFunction Function)> Run(StreamSimulationOptions options, Func<string, int, FunctionInvocation> answer, params string[] lines)
    {
        var function = new ScriptedFunction(_clock, answer);
        var inputs = JsonLines.Parse(string.Join("\n", lines), "records.jsonl", options.Format.Expected).Select(l => options.Format.Read(l.Line, l.Text, l.Json, "records.jsonl")).ToList();
        var fates = await new StreamSimulation(options, function, _clock, "projector", TextWriter.Null).RunAsync(inputs, CancellationToken.None);
        return (fates, function);
    }

    private StreamSimulationOptions Kinesis(int maxRetryAttempts = -1, bool bisect = false) =>
        new(new KinesisStreamFormat()) { MaxRetryAttempts = maxRetryAttempts, BisectOnError = bisect, OnFailurePath = _failures };

    private JsonElement[] Failures() => [.. File.ReadAllLines(_failures).Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public async Task A_failing_batch_is_retried_with_backoff_then_skipped_whole_with_an_on_failure_record()
    {
        var (fates, function) = await Run(Kinesis(maxRetryAttempts: 2), ThrowOnPoison, "\"a\"", "\"poison\"", "\"b\"");

        Assert.All(fates, f => Assert.Equal(FateOutcome.DeadLettered, f.Outcome));
        Assert.All(fates, f => Assert.Equal(3, f.Deliveries));
        Assert.StartsWith("RetryAttemptsExhausted: 3 attempt(s) failed (maximum retry attempts 2); skipped, its range sent to the on-failure destination", fates[0].Why, StringComparison.Ordinal);
        Assert.Equal([0, 1, 3], function.Invocations.Select(i => i.At.TotalSeconds));
        var failure = Assert.Single(Failures());
        Assert.Equal("RetryAttemptsExhausted", failure.GetProperty("requestContext").GetProperty("condition").GetString());
        Assert.Equal(3, failure.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
        var info = failure.GetProperty("KinesisBatchInfo");
        Assert.Equal(3, info.GetProperty("batchSize").GetInt32());
        Assert.Equal(fates[0].Id, info.GetProperty("startSequenceNumber").GetString());
        Assert.Equal(fates[2].Id, info.GetProperty("endSequenceNumber").GetString());
        Assert.Equal("shardId-000000000000", info.GetProperty("shardId").GetString());
        Assert.Equal("arn:aws:kinesis:us-east-1:123456789012:stream/projector-stream", info.GetProperty("streamArn").GetString());
    }

    [Fact]
    public async Task Bisecting_isolates_the_bad_record_without_using_the_retry_quota()
    {
        var (fates, function) = await Run(Kinesis(maxRetryAttempts: 2, bisect: true), ThrowOnPoison, "\"a\"", "\"poison\"", "\"b\"", "\"c\"");

        Assert.Equal([FateOutcome.Processed, FateOutcome.DeadLettered, FateOutcome.Processed, FateOutcome.Processed], fates.Select(f => f.Outcome));
        Assert.Equal(
            [["a", "poison", "b", "c"], ["a", "poison"], ["a"], ["poison"], ["poison"], ["poison"], ["b", "c"]],
            function.Invocations.Select(i => Data(i.Payload)));
        Assert.Equal(1, Assert.Single(Failures()).GetProperty("KinesisBatchInfo").GetProperty("batchSize").GetInt32());
    }

    [Fact]
    public async Task A_partial_response_checkpoints_at_the_failed_record_and_the_rest_of_the_batch_goes_down_with_it()
    {
        var options = Kinesis(maxRetryAttempts: 1);
        options.OnFailurePath = null;

        var (fates, function) = await Run(options, ReportPoison, "\"a\"", "\"poison\"", "\"b\"");

        Assert.Equal([FateOutcome.Processed, FateOutcome.Lost, FateOutcome.Lost], fates.Select(f => f.Outcome));
        Assert.Equal([["a", "poison", "b"], ["poison", "b"]], function.Invocations.Select(i => Data(i.Payload)));
        Assert.StartsWith("RetryAttemptsExhausted: 2 attempt(s) failed (maximum retry attempts 1); skipped with no on-failure destination", fates[2].Why, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.FunctionError, SimulationReport.ExitCode(fates));
    }

    [Fact]
    public async Task With_ReportBatchItemFailures_off_a_partial_response_is_ignored()
    {
        var options = Kinesis();
        options.ReportBatchItemFailures = false;

        var (fates, _) = await Run(options, ReportPoison, "\"a\"", "\"poison\"");

        Assert.Equal([FateOutcome.Processed, FateOutcome.Lost], fates.Select(f => f.Outcome));
        Assert.Contains("ReportBatchItemFailures is off, so Lambda checkpointed past the whole batch", fates[1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_over_the_maximum_record_age_is_discarded_instead_of_retried()
    {
        var options = Kinesis();
        options.MaxRecordAge = TimeSpan.FromSeconds(60);

        var (fates, function) = await Run(options, ThrowOnPoison, "\"poison\"");

        Assert.Equal([0, 1, 3, 7, 15, 31], function.Invocations.Select(i => i.At.TotalSeconds));
        Assert.StartsWith("RecordAgeExceeded: older than the maximum record age (60 s) at t+63s", Assert.Single(fates).Why, StringComparison.Ordinal);
        Assert.Equal("RecordAgeExceeded", Assert.Single(Failures()).GetProperty("requestContext").GetProperty("condition").GetString());
    }

    [Fact]
    public async Task With_infinite_retries_a_bad_record_blocks_its_shard_until_the_stream_trims_it()
    {
        var options = Kinesis();
        options.Retention = TimeSpan.FromHours(1);
        options.OnFailurePath = null;

        var (fates, function) = await Run(options, ThrowOnPoison, "\"poison\"", "\"after\"");

        Assert.Equal([FateOutcome.Lost, FateOutcome.Lost], fates.Select(f => f.Outcome));
        Assert.StartsWith("the stream's retention period (1 h) passed before it was processed", fates[1].Why, StringComparison.Ordinal);
        Assert.InRange(function.Invocations.Count, 60, 70); // backoff up to a minute, for an hour
        Assert.Equal(TimeSpan.FromHours(1), _clock.Elapsed);
    }

    [Fact]
    public async Task Shards_keep_order_per_partition_key_and_one_bad_shard_does_not_block_the_others()
    {
        var options = Kinesis(maxRetryAttempts: 0);
        options.Shards = 2;
        string Record(string data, string key) => $$"""{"data":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes(data))}}","partitionKey":"{{key}}"}""";

        var (fates, function) = await Run(options, ThrowOnPoison, Record("poison", "a"), Record("x1", "b"), Record("a2", "a"), Record("x2", "b"));

        // "a" hashes to shard 0 and "b" to shard 1.
        Assert.Equal([FateOutcome.DeadLettered, FateOutcome.Processed, FateOutcome.DeadLettered, FateOutcome.Processed], fates.Select(f => f.Outcome));
        Assert.Contains(function.Invocations, i => Data(i.Payload).SequenceEqual(["x1", "x2"]));
        Assert.StartsWith("49000001", fates[1].Id, StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(fates[0].Id, fates[2].Id) < 0);
    }

    [Fact]
    public async Task DynamoDB_records_get_the_streams_fields_and_DDBStreamBatchInfo()
    {
        var options = new StreamSimulationOptions(new DynamoDbStreamFormat()) { MaxRetryAttempts = 0, OnFailurePath = _failures };
        var line = """{"eventName":"INSERT","dynamodb":{"Keys":{"id":{"S":"p-1"}},"NewImage":{"id":{"S":"p-1"},"price":{"N":"10"}}}}""";

        var (fates, function) = await Run(options, (_, _) => ScriptedFunction.Fail(), line);

        var record = LambdaEventSerializer.Deserialize(function.Invocations[0].Payload, LambdaEventsJsonContext.Default.DynamoDbEvent).Records.Single();
        Assert.Equal("aws:dynamodb", record.EventSource);
        Assert.Equal("INSERT", record.EventName);
        Assert.Equal(fates[0].Id, record.DynamoDb.SequenceNumber);
        Assert.Equal(21, record.DynamoDb.SequenceNumber.Length);
        Assert.Equal("NEW_AND_OLD_IMAGES", record.DynamoDb.StreamViewType);
        Assert.Equal("p-1", record.DynamoDb.Keys!["id"].S);
        Assert.StartsWith("arn:aws:dynamodb:us-east-1:123456789012:table/projector-table/stream/", record.EventSourceArn, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(Failures()).GetProperty("DDBStreamBatchInfo").GetProperty("batchSize").GetInt32());
    }

    [Theory]
    [InlineData("dynamodb", "\"text\"", "records.jsonl line 1 is not a DynamoDB stream record.")]
    [InlineData("kinesis", """{"data":"not base64!","partitionKey":"k"}""", "records.jsonl line 1: \"data\" must be a base64 string.")]
    [InlineData("kinesis", """{"data":"YQ=="}""", "records.jsonl line 1: a record object needs a non-empty \"partitionKey\".")]
    public void A_line_that_is_not_a_record_of_the_stream_is_named(string source, string line, string message)
    {
        IStreamFormat format = source == "kinesis" ? new KinesisStreamFormat() : new DynamoDbStreamFormat();
        var (number, text, json) = JsonLines.Parse(line, "records.jsonl", format.Expected).Single();

        var ex = Assert.Throws<FormatException>(() => format.Read(number, text, json, "records.jsonl"));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tumbling_windows_carry_state_between_invocations_and_end_with_a_final_invocation()
    {
        // Records arrive every 10 s; 30-second windows aligned on the epoch: [0, 30) holds lines 1-3, [30, 60) line 4.
        var options = new StreamSimulationOptions(new KinesisStreamFormat()) { BatchSize = 2, TumblingWindow = TimeSpan.FromSeconds(30), ArrivalInterval = TimeSpan.FromSeconds(10) };
        var events = new List<Lambda.Toolkit.Events.Kinesis.KinesisEvent>();
        FunctionInvocation Count(string payload, int _)
        {
            var streamEvent = LambdaEventSerializer.Deserialize(payload, LambdaEventsJsonContext.Default.KinesisEvent);
            events.Add(streamEvent);
            var count = (streamEvent.State is { } state && state.TryGetValue("count", out var n) ? n.GetInt32() : 0) + streamEvent.Records.Count;
            return ScriptedFunction.Respond($$"""{"state":{"count":{{count}}},"batchItemFailures":[]}""");
        }

        var (fates, function) = await Run(options, Count, "\"1\"", "\"2\"", "\"3\"", "\"4\"");

        Assert.All(fates, f => Assert.Equal(FateOutcome.Processed, f.Outcome));
        Assert.Equal([0, 10, 20, 30, 30, 60], function.Invocations.Select(i => i.At.TotalSeconds));
        Assert.Equal([1, 1, 1, 0, 1, 0], events.Select(e => e.Records.Count));
        Assert.Equal([false, false, false, true, false, true], events.Select(e => e.IsFinalInvokeForWindow!.Value));
        Assert.Equal([0, 1, 2, 3, 0, 1], events.Select(e => e.State!.TryGetValue("count", out var n) ? n.GetInt32() : 0));
        Assert.Equal("2026-01-01T00:00:00.000Z", events[0].Window!.Start);
        Assert.Equal("2026-01-01T00:00:30.000Z", events[0].Window!.End);
        Assert.Equal("2026-01-01T00:00:30.000Z", events[4].Window!.Start);
        Assert.All(events, e => Assert.Equal("shardId-000000000000", e.ShardId));
        Assert.All(events, e => Assert.False(e.IsWindowTerminatedEarly));
        Assert.Contains("in window 2026-01-01T00:00:00.000Z", fates[0].Why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_are_read_only_once_they_have_arrived()
    {
        var options = new StreamSimulationOptions(new KinesisStreamFormat()) { ArrivalInterval = TimeSpan.FromSeconds(5) };

        var (_, function) = await Run(options, (_, _) => ScriptedFunction.Respond("{}"), "\"1\"", "\"2\"", "\"3\"");

        Assert.Equal([0, 5, 10], function.Invocations.Select(i => i.At.TotalSeconds));
    }

    [Fact]
    public async Task A_final_window_invocation_that_always_fails_is_retried_until_the_retention_period_then_dropped()
    {
        var options = new StreamSimulationOptions(new KinesisStreamFormat()) { TumblingWindow = TimeSpan.FromSeconds(30), Retention = TimeSpan.FromHours(1) };

        var (fates, function) = await Run(options, (payload, _) => payload.Contains("\"isFinalInvokeForWindow\":true", StringComparison.Ordinal) ? ScriptedFunction.Fail() : ScriptedFunction.Respond("{}"), "\"1\"");

        Assert.Equal(FateOutcome.Processed, Assert.Single(fates).Outcome);
        Assert.InRange(function.Invocations.Count, 60, 70);
        Assert.InRange(_clock.Elapsed, TimeSpan.FromHours(1), TimeSpan.FromHours(1) + TimeSpan.FromMinutes(2));
    }
}
