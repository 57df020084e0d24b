using System.Text.Json;
using Lambda.Toolkit.Local;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.IntegrationTests;

/// <summary><c>lambda-toolkit simulate</c> end to end on a sample: it builds and starts it, and plays Lambda's delivery rules around it.</summary>
public class SimulateCommandTests
{
    [Fact]
    public async Task OrderWorker_dead_letters_its_poison_message_after_three_receives_and_processes_every_order_once()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var sample = Repository.Path("samples", "OrderWorker");

        var exitCode = await SimulateCommand.RunAsync(["sqs", sample, "--messages", Repository.Path("samples", "OrderWorker", "events", "orders.jsonl"), "--max-receive-count", "3"], stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(exitCode == ExitCodes.Success, stdout + "\n" + stderr);
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var summary = JsonDocument.Parse(lines[^1]).RootElement;
        Assert.Equal(6, summary.GetProperty("messages").GetInt32());
        Assert.Equal(5, summary.GetProperty("processed").GetInt32());
        Assert.Equal(1, summary.GetProperty("deadLettered").GetInt32());
        Assert.Equal(0, summary.GetProperty("lost").GetInt32());
        Assert.Equal(0, summary.GetProperty("duplicates").GetInt32());
        Assert.Equal(8, summary.GetProperty("deliveries").GetInt32());
        var poison = Assert.Single(lines, l => l.StartsWith("4 ", StringComparison.Ordinal));
        Assert.Matches(@"^4\s+00000000-0000-4000-8000-000000000004\s+3\s+dead-lettered\s+received 3 times \(maxReceiveCount 3\), so SQS moved it to the dead-letter queue at t\+90(\.\d+)?s instead of receive 4", poison);
        Assert.Equal(5, lines.Count(l => l.Contains("  1           processed  ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task StreamProjector_skips_a_change_it_cannot_project_after_its_retries_with_the_records_behind_it_and_reports_the_range()
    {
        var records = Path.GetTempFileName();
        var failures = Path.GetTempFileName();
        await File.WriteAllLinesAsync(records,
        [
            """{"eventName":"INSERT","dynamodb":{"Keys":{"sku":{"S":"book-1"}},"NewImage":{"sku":{"S":"book-1"},"name":{"S":"Lambda in Action"},"price":{"N":"39.90"}}}}""",
            """{"eventName":"MODIFY","dynamodb":{"Keys":{"sku":{"S":"book-1"}},"StreamViewType":"KEYS_ONLY"}}""",
            """{"eventName":"INSERT","dynamodb":{"Keys":{"sku":{"S":"mug-7"}},"NewImage":{"sku":{"S":"mug-7"},"name":{"S":"Mug"},"price":{"N":"8"}}}}""",
        ]);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var exitCode = await SimulateCommand.RunAsync(["dynamodb", Repository.Path("samples", "StreamProjector"), "--records", records, "--max-retry-attempts", "2", "--on-failure", failures], stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));

            Assert.True(exitCode == ExitCodes.Success, stdout + "\n" + stderr);
            var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var summary = JsonDocument.Parse(lines[^1]).RootElement;
            Assert.Equal(1, summary.GetProperty("processed").GetInt32());
            Assert.Equal(2, summary.GetProperty("deadLettered").GetInt32());
            Assert.Equal(3, summary.GetProperty("invocations").GetInt32());
            var failure = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(failures))).RootElement;
            Assert.Equal("RetryAttemptsExhausted", failure.GetProperty("requestContext").GetProperty("condition").GetString());
            Assert.Equal(2, failure.GetProperty("DDBStreamBatchInfo").GetProperty("batchSize").GetInt32());
        }
        finally
        {
            File.Delete(records);
            File.Delete(failures);
        }
    }
}
