using System.Text;
using Lambda.Toolkit.Local.Simulation;

namespace Lambda.Toolkit.Local.Tests.Simulation;

/// <summary>Each rule of <see cref="SqsRules"/> on its own.</summary>
public sealed class SqsRulesTests
{
    private static readonly string[] Batch = ["m-1", "m-2", "m-3"];

    private static FunctionInvocation Answer(string body) =>
        new(InvocationKind.Success, "r", Encoding.UTF8.GetBytes(body), null, TimeSpan.Zero);

    [Fact]
    public void The_defaults_are_Lambdas_and_valid()
    {
        var options = new SqsSimulationOptions();

        Assert.Empty(SqsRules.Validate(options, TimeSpan.FromSeconds(30)));
        Assert.Equal(10, options.BatchSize);
        Assert.Equal(TimeSpan.FromSeconds(30), options.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromDays(4), options.Retention);
        Assert.Null(options.MaxReceiveCount);
    }

    [Fact]
    public void Validate_reports_every_problem_at_once()
    {
        var options = new SqsSimulationOptions { Fifo = true, BatchSize = 11, BatchWindow = TimeSpan.FromSeconds(5), VisibilityTimeout = TimeSpan.FromSeconds(10), MaxReceiveCount = 0, Retention = TimeSpan.FromSeconds(59) };

        var problems = SqsRules.Validate(options, TimeSpan.FromSeconds(30));

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("--batch-size must be between 1 and 10 for a FIFO queue", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--batch-window is not supported for a FIFO queue", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--visibility-timeout (10 s) must be at least the function's --timeout (30 s)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--max-receive-count must be between 1 and 1,000", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--retention-period must be between 60 seconds", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10, 0, true)]
    [InlineData(11, 0, false)]
    [InlineData(11, 1, true)]
    [InlineData(10_000, 300, true)]
    [InlineData(10_001, 300, false)]
    public void Standard_queues_take_batches_over_10_only_with_a_window(int batchSize, int windowSeconds, bool valid)
    {
        var options = new SqsSimulationOptions { BatchSize = batchSize, BatchWindow = TimeSpan.FromSeconds(windowSeconds) };

        Assert.Equal(valid, SqsRules.Validate(options, TimeSpan.FromSeconds(3)).Count == 0);
    }

    [Fact]
    public void A_batch_window_over_300_seconds_is_refused()
    {
        var problems = SqsRules.Validate(new SqsSimulationOptions { BatchWindow = TimeSpan.FromSeconds(301) }, TimeSpan.FromSeconds(3));

        Assert.Equal("--batch-window must be between 0 and 300 seconds (was 301).", Assert.Single(problems));
    }

    [Theory]
    [InlineData(0, null, false)]
    [InlineData(5, null, false)]
    [InlineData(2, 3, false)]
    [InlineData(3, 3, true)]
    public void Redrive_happens_once_the_receive_count_reaches_maxReceiveCount(int receives, int? maxReceiveCount, bool redrive) =>
        Assert.Equal(redrive, SqsRules.ShouldRedrive(receives, maxReceiveCount));

    [Fact]
    public void Retention_and_visibility_count_from_the_send_and_the_receive()
    {
        var sent = DateTimeOffset.UnixEpoch;

        Assert.False(SqsRules.RetentionExpired(sent, TimeSpan.FromMinutes(1), sent.AddSeconds(59.999)));
        Assert.True(SqsRules.RetentionExpired(sent, TimeSpan.FromMinutes(1), sent.AddSeconds(60)));
        Assert.Equal(sent.AddSeconds(42), SqsRules.VisibleAgainAt(sent.AddSeconds(12), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void Content_based_deduplication_hashes_the_body_unless_an_id_is_given()
    {
        Assert.Equal("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", SqsRules.DeduplicationId("hello", null));
        Assert.Equal("order-1", SqsRules.DeduplicationId("hello", "order-1"));
    }

    [Theory]
    [InlineData(1, "the function failed (Boom), so the whole batch came back")]
    [InlineData(2, "the function timed out, so the whole batch came back")]
    [InlineData(3, "the execution environment failed (Boom), so the whole batch came back")]
    public void A_failed_invocation_returns_the_whole_batch(int failure, string reason)
    {
        var kind = (InvocationKind)failure;
        var verdict = PartialBatchResponse.Judge(Batch, new FunctionInvocation(kind, "r", [], "Boom", TimeSpan.Zero), reportBatchItemFailures: true);

        Assert.Equal(Batch, verdict.Failed.Order());
        Assert.Empty(verdict.Ignored);
        Assert.Equal(reason, verdict.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"batchItemFailures":[]}""")]
    [InlineData("""{"batchItemFailures":null}""")]
    public void An_empty_or_null_response_is_complete_success(string body)
    {
        var verdict = PartialBatchResponse.Judge(Batch, Answer(body), reportBatchItemFailures: true);

        Assert.Empty(verdict.Failed);
        Assert.Empty(verdict.Ignored);
    }

    [Fact]
    public void Listed_identifiers_come_back_and_the_rest_is_deleted()
    {
        var verdict = PartialBatchResponse.Judge(Batch, Answer("""{"batchItemFailures":[{"itemIdentifier":"m-2"},{"itemIdentifier":"m-3"}]}"""), reportBatchItemFailures: true);

        Assert.Equal(["m-2", "m-3"], verdict.Failed.Order());
        Assert.Equal("reported in batchItemFailures", verdict.Reason);
    }

    [Theory]
    [InlineData("not json", "the response is not a valid partial batch response")]
    [InlineData("\"ok\"", "the response is not a valid partial batch response")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":""}]}""", "the response is not a valid partial batch response (an itemIdentifier is empty or not a string)")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":null}]}""", "the response is not a valid partial batch response (an entry has no itemIdentifier)")]
    [InlineData("""{"batchItemFailures":[{"itemId":"m-1"}]}""", "the response is not a valid partial batch response")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":"m-9"}]}""", "itemIdentifier 'm-9' is not a message of the batch")]
    public void An_invalid_partial_response_fails_the_whole_batch(string body, string reason)
    {
        var verdict = PartialBatchResponse.Judge(Batch, Answer(body), reportBatchItemFailures: true);

        Assert.Equal(Batch, verdict.Failed.Order());
        Assert.StartsWith(reason, verdict.Reason, StringComparison.Ordinal);
        Assert.EndsWith("so the whole batch came back", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_ReportBatchItemFailures_off_a_partial_response_is_ignored_and_the_batch_deleted()
    {
        var verdict = PartialBatchResponse.Judge(Batch, Answer("""{"batchItemFailures":[{"itemIdentifier":"m-2"}]}"""), reportBatchItemFailures: false);

        Assert.Empty(verdict.Failed);
        Assert.Equal(["m-2"], verdict.Ignored);
    }

    [Fact]
    public void With_ReportBatchItemFailures_off_a_function_error_still_returns_the_whole_batch()
    {
        var verdict = PartialBatchResponse.Judge(Batch, new FunctionInvocation(InvocationKind.FunctionError, "r", [], "Boom", TimeSpan.Zero), reportBatchItemFailures: false);

        Assert.Equal(Batch, verdict.Failed.Order());
    }
}
