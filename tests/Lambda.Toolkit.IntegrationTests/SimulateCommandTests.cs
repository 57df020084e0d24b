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
}
