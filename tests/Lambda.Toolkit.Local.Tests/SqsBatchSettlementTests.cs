using System.Text;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Tests;

/// <summary>The event source mapping's rules for a settled batch, one test (or row) per rule.</summary>
public sealed class SqsBatchSettlementTests
{
    private static readonly SqsMessage[] Standard = [Message("m1"), Message("m2"), Message("m3")];

    private static SqsMessage Message(string id, string? group = null) => new()
    {
        MessageId = id,
        Body = id,
        Attributes = group is null ? [] : new() { ["MessageGroupId"] = group },
    };

    private static string?[] Settle(SqsMessage[] batch, string? response, bool report = true, string? failure = null) =>
        [.. SqsBatchSettlement.Settle(batch, failure, Encoding.UTF8.GetBytes(response ?? string.Empty), report).Reasons];

    [Fact]
    public void Rule_1_a_failed_invocation_fails_the_whole_batch_whatever_the_setting()
    {
        Assert.All(Settle(Standard, null, report: true, failure: "the invocation timed out"), r => Assert.Equal("the invocation timed out", r));
        Assert.All(Settle(Standard, null, report: false, failure: "the function failed (TypeError)"), r => Assert.Equal("the function failed (TypeError)", r));
    }

    [Fact]
    public void Rule_2_without_ReportBatchItemFailures_a_success_deletes_everything_and_the_response_is_ignored_with_a_warning()
    {
        var settlement = SqsBatchSettlement.Settle(Standard, null, """{"batchItemFailures":[{"itemIdentifier":"m2"}]}"""u8, reportBatchItemFailures: false);

        Assert.All(settlement.Reasons, Assert.Null);
        Assert.Contains("ReportBatchItemFailures is off", settlement.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "the response is not JSON")]
    [InlineData("\"ok\"", "the response is a JSON string, not an object")]
    [InlineData("""{"batchItemFailures":{}}""", "batchItemFailures is not an array")]
    [InlineData("""{"batchItemFailures":[{}]}""", "an entry has no itemIdentifier")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":null}]}""", "an entry has no itemIdentifier")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":""}]}""", "an itemIdentifier is empty or not a string")]
    [InlineData("""{"batchItemFailures":[{"itemIdentifier":"nope"}]}""", "'nope', which is not a message of the batch")]
    public void Rule_3_an_invalid_partial_response_fails_the_whole_batch(string response, string problem)
    {
        var settlement = SqsBatchSettlement.Settle(Standard, null, Encoding.UTF8.GetBytes(response), reportBatchItemFailures: true);

        Assert.All(settlement.Reasons, r => Assert.Equal("invalid partial batch response", r));
        Assert.Contains(problem, settlement.Warning, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"batchItemFailures":null}""")]
    [InlineData("""{"batchItemFailures":[]}""")]
    [InlineData("""{"statusCode":200}""")]
    public void Rule_4_an_empty_or_absent_list_means_the_whole_batch_succeeded(string? response) =>
        Assert.All(Settle(Standard, response), Assert.Null);

    [Fact]
    public void Rule_4_only_the_listed_messages_stay()
    {
        Assert.Equal(new string?[] { null, "listed in batchItemFailures", null }, Settle(Standard, """{"batchItemFailures":[{"itemIdentifier":"m2"}]}"""));
    }

    [Fact]
    public void Rule_5_in_a_FIFO_batch_the_messages_after_a_failed_one_stay_with_it_and_other_groups_go_on()
    {
        SqsMessage[] batch = [Message("a1", "a"), Message("b1", "b"), Message("a2", "a"), Message("b2", "b"), Message("a3", "a")];

        var settlement = SqsBatchSettlement.Settle(batch, null, """{"batchItemFailures":[{"itemIdentifier":"a2"}]}"""u8, reportBatchItemFailures: true);

        Assert.Equal(new string?[] { null, null, "listed in batchItemFailures", null, "behind failed message a2 of FIFO group a" }, settlement.Reasons);
        Assert.Equal(3, settlement.Succeeded);
        Assert.Contains("keeps its order", settlement.Warning, StringComparison.Ordinal);
    }
}
