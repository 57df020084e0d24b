using System.Text.Json;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Tests.Simulation;

/// <summary>Each rule of <see cref="StreamRules"/> on its own.</summary>
public sealed class StreamRulesTests
{
    [Fact]
    public void The_defaults_are_Lambdas_and_valid()
    {
        var options = new StreamSimulationOptions(new KinesisStreamFormat());

        Assert.Empty(StreamRules.Validate(options));
        Assert.Equal(100, options.BatchSize);
        Assert.Equal(-1, options.MaxRetryAttempts);
        Assert.Null(options.MaxRecordAge);
        Assert.False(options.BisectOnError);
        Assert.Equal(TimeSpan.FromHours(24), options.Retention);
    }

    [Fact]
    public void Validate_reports_every_problem_at_once()
    {
        var options = new StreamSimulationOptions(new DynamoDbStreamFormat()) { BatchSize = 10_001, Shards = 0, MaxRetryAttempts = -2, MaxRecordAge = TimeSpan.FromSeconds(59), Retention = TimeSpan.FromMinutes(59) };

        var problems = StreamRules.Validate(options);

        Assert.Equal(5, problems.Count);
        Assert.Contains("--batch-size must be between 1 and 10,000 (was 10001).", problems);
        Assert.Contains("--shards must be between 1 and 1,024 (was 0).", problems);
        Assert.Contains("--max-retry-attempts must be -1 (infinite) or between 0 and 10,000 (was -2).", problems);
        Assert.Contains("--max-record-age must be -1 (infinite) or between 60 and 604800 seconds (7 days), was 59.", problems);
    }

    [Fact]
    public void Partition_keys_spread_over_the_shards_by_their_MD5_hash()
    {
        // MD5("a") starts 0x0cc1...: the first 1/16 of the hash range, so shard 0 of 4 and of 2; MD5("b") starts 0x92eb...: over half.
        Assert.Equal(0, StreamRules.Shard("a", 4));
        Assert.Equal(1, StreamRules.Shard("b", 2));
        Assert.Equal(0, StreamRules.Shard("anything", 1));
        var spread = Enumerable.Range(0, 1000).Select(i => StreamRules.Shard(i.ToString(), 4)).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(4, spread.Count);
        Assert.All(spread.Values, n => Assert.InRange(n, 180, 320));
    }

    [Theory]
    [InlineData(0, -1, true)]
    [InlineData(10_000, -1, true)]
    [InlineData(0, 0, false)]
    [InlineData(1, 2, true)]
    [InlineData(2, 2, false)]
    public void Retries_stop_at_the_maximum_unless_it_is_infinite(int retries, int max, bool retry) =>
        Assert.Equal(retry, StreamRules.ShouldRetry(retries, max));

    [Fact]
    public void Retries_back_off_from_one_second_to_a_minute()
    {
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], Enumerable.Range(1, 8).Select(r => StreamRules.RetryDelay(r).TotalSeconds));
    }

    [Fact]
    public void Age_and_retention_count_from_the_arrival()
    {
        var arrived = DateTimeOffset.UnixEpoch;

        Assert.False(StreamRules.TooOld(arrived, null, arrived.AddYears(1)));
        Assert.False(StreamRules.TooOld(arrived, TimeSpan.FromMinutes(1), arrived.AddMinutes(1)));
        Assert.True(StreamRules.TooOld(arrived, TimeSpan.FromMinutes(1), arrived.AddMinutes(1).AddTicks(1)));
        Assert.False(StreamRules.Trimmed(arrived, TimeSpan.FromHours(24), arrived.AddHours(24).AddTicks(-1)));
        Assert.True(StreamRules.Trimmed(arrived, TimeSpan.FromHours(24), arrived.AddHours(24)));
    }

    [Fact]
    public void Bisection_is_for_function_errors_on_batches_of_more_than_one()
    {
        var error = ScriptedFunction.Fail();

        Assert.True(StreamRules.ShouldBisect(true, 2, error));
        Assert.False(StreamRules.ShouldBisect(true, 1, error));
        Assert.False(StreamRules.ShouldBisect(false, 2, error));
        Assert.False(StreamRules.ShouldBisect(true, 2, ScriptedFunction.Respond("""{"batchItemFailures":[{"itemIdentifier":"2"}]}""")));
    }

    [Fact]
    public void The_checkpoint_is_the_lowest_failed_sequence_number()
    {
        Assert.Equal(1, StreamRules.Checkpoint(["10", "11", "12"], new HashSet<string> { "12", "11" }));
        Assert.Equal(3, StreamRules.Checkpoint(["10", "11", "12"], new HashSet<string>()));
    }

    [Fact]
    public void The_on_failure_record_describes_the_skipped_range()
    {
        var arrived = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var record = StreamRules.OnFailureRecord("KinesisBatchInfo", arrived.AddMinutes(1), "req", "arn:fn", StreamRules.RetryAttemptsExhausted, 3, ScriptedFunction.Fail(), "shardId-000000000000", "arn:stream", [("100", arrived), ("102", arrived.AddSeconds(1))]);

        Assert.Equal("""{"requestContext":{"requestId":"req","functionArn":"arn:fn","condition":"RetryAttemptsExhausted","approximateInvokeCount":3},"responseContext":{"statusCode":200,"executedVersion":"$LATEST","functionError":"Unhandled"},"version":"1.0","timestamp":"2026-01-01T00:01:00.000Z","KinesisBatchInfo":{"shardId":"shardId-000000000000","startSequenceNumber":"100","endSequenceNumber":"102","approximateArrivalOfFirstRecord":"2026-01-01T00:00:00.000Z","approximateArrivalOfLastRecord":"2026-01-01T00:00:01.000Z","batchSize":2,"streamArn":"arn:stream"}}""", record);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(record).RootElement.ValueKind);
    }

    [Fact]
    public void Tumbling_windows_are_up_to_15_minutes_aligned_on_their_length()
    {
        var options = new StreamSimulationOptions(new KinesisStreamFormat()) { TumblingWindow = TimeSpan.FromSeconds(901), ArrivalInterval = TimeSpan.FromSeconds(-1) };

        Assert.Equal(["--tumbling-window must be between 0 and 900 seconds (was 901).", "--arrival-interval must not be negative."], StreamRules.Validate(options));
        var at = new DateTimeOffset(2026, 1, 1, 0, 0, 59, 999, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 30, TimeSpan.Zero), StreamRules.WindowStart(at, TimeSpan.FromSeconds(30)));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), StreamRules.WindowStart(at, TimeSpan.FromMinutes(15)));
    }
}
