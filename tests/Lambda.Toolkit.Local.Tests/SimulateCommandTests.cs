using System.Text.Json;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Tests;

/// <summary><c>lambda-toolkit simulate</c> end to end, in process: script functions as real processes behind the emulator.</summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _messages = Path.GetTempFileName();

    public void Dispose() => File.Delete(_messages);

    private static async Task<(int ExitCode, string[] Stdout, string Stderr)> Simulate(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await SimulateCommand.RunAsync(args, stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
        return (exitCode, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), stderr.ToString());
    }

    private static JsonElement Summary(string[] stdout) => JsonDocument.Parse(stdout[^1]).RootElement;

    [Theory]
    [InlineData("--bogus", "Unknown option '--bogus' for simulate sqs.")]
    [InlineData("--fifo --batch-window 5", "--batch-window is not supported for a FIFO queue: Lambda has no batching window for FIFO queues.")]
    [InlineData("--fifo --batch-size 11", "--batch-size must be between 1 and 10 for a FIFO queue (was 11).")]
    [InlineData("--batch-size 10001 --batch-window 1", "--batch-size must be between 1 and 10,000 for a standard queue (was 10001).")]
    [InlineData("--visibility-timeout 5", "--visibility-timeout (5 s) must be at least the function's --timeout (30 s), as Lambda requires of an SQS event source.")]
    [InlineData("--report-batch-item-failures maybe", "--report-batch-item-failures expects on or off, got 'maybe'.")]
    [InlineData("--max-receive-count", "--max-receive-count needs a value.")]
    [InlineData("--visibility-timeout 1e300", "--visibility-timeout is out of any range Lambda allows, got '1e300'.")]
    [InlineData("--batch-window soon", "--batch-window expects a number of seconds, got 'soon'.")]
    public async Task Unknown_and_conflicting_options_are_usage_errors(string options, string message)
    {
        await File.WriteAllTextAsync(_messages, "\"a\"\n");

        var (exitCode, stdout, stderr) = await Simulate(["sqs", "function", "--messages", _messages, .. options.Split(' ')]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kinesis", "--records", "--max-record-age 30", "--max-record-age must be -1 (infinite) or between 60 and 604800 seconds (7 days), was 30.")]
    [InlineData("dynamodb", "--records", "--tumbling-window 901", "--tumbling-window must be between 0 and 900 seconds (was 901).")]
    [InlineData("kinesis", "--records", "--fifo", "Unknown option '--fifo' for simulate kinesis.")]
    [InlineData("async", "--events", "--max-retry-attempts 3", "--max-retry-attempts must be between 0 and 2 (was 3).")]
    [InlineData("async", "--events", "--batch-size 5", "Unknown option '--batch-size' for simulate async.")]
    public async Task Each_source_refuses_options_out_of_its_range_or_not_its_own(string source, string input, string options, string message)
    {
        await File.WriteAllTextAsync(_messages, "\"a\"\n");

        var (exitCode, stdout, stderr) = await Simulate([source, "function", input, _messages, .. options.Split(' ')]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(stdout);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_source_and_a_missing_input_are_usage_errors()
    {
        var (unknown, _, unknownError) = await Simulate("kafka", "function");
        var (missing, _, missingError) = await Simulate("sqs", "function");

        Assert.Equal(ExitCodes.Usage, unknown);
        Assert.Contains("Unknown source 'kafka' for simulate", unknownError, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, missing);
        Assert.Contains("Name the input with --messages <file.jsonl>.", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_line_is_named_and_nothing_runs()
    {
        await File.WriteAllTextAsync(_messages, "\"a\"\n{\"orderId\": \n");

        var (exitCode, stdout, stderr) = await Simulate("sqs", "no-such-function", "--messages", _messages);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith($"{_messages} line 2 is not JSON (", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_that_crashes_mid_batch_gets_a_new_environment_and_its_records_come_back()
    {
        using var script = ScriptFunction.Create("""
            while true; do
              next
              if [[ $event == *poison* ]]; then echo "crashing on $id" >&2; exit 3; fi
              echo "handled $id"
              respond '{"batchItemFailures":[]}'
            done
            """);
        await File.WriteAllTextAsync(_messages, "\"a\"\n\"poison\"\n\"b\"\n");

        var (exitCode, stdout, stderr) = await Simulate("sqs", script.Path, "--messages", _messages, "--batch-size", "1", "--max-receive-count", "2");

        Assert.True(exitCode == ExitCodes.Success, stderr);
        var summary = Summary(stdout);
        Assert.Equal(2, summary.GetProperty("processed").GetInt32());
        Assert.Equal(1, summary.GetProperty("deadLettered").GetInt32());
        Assert.Equal(0, summary.GetProperty("lost").GetInt32());
        Assert.Equal(4, summary.GetProperty("invocations").GetInt32());
        Assert.Equal(2, summary.GetProperty("environments").GetInt32()); // the second crash is the last invocation
        var poison = Assert.Single(stdout, l => l.StartsWith("2 ", StringComparison.Ordinal));
        Assert.Contains("dead-lettered", poison, StringComparison.Ordinal);
        Assert.Contains("the execution environment failed (Runtime.ExitError)", poison, StringComparison.Ordinal);
        Assert.Contains("its execution environment is replaced on the next invocation", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_function_that_never_answers_ends_at_its_timeout_and_its_record_comes_back()
    {
        using var script = ScriptFunction.Create("""
            while true; do
              next
              if [[ $event == *slow* ]]; then sleep 60; fi
              respond '{}'
            done
            """);
        await File.WriteAllTextAsync(_messages, "\"slow\"\n");

        var (exitCode, stdout, stderr) = await Simulate("sqs", script.Path, "--messages", _messages, "--timeout", "1", "--visibility-timeout", "1", "--max-receive-count", "2");

        Assert.True(exitCode == ExitCodes.Success, stderr);
        Assert.Equal(1, Summary(stdout).GetProperty("deadLettered").GetInt32());
        Assert.Contains(stdout, l => l.StartsWith("1 ", StringComparison.Ordinal) && l.Contains("the function timed out", StringComparison.Ordinal));
        Assert.Equal(2, stdout.Count(l => l.StartsWith("REPORT ", StringComparison.Ordinal) && l.EndsWith("Status: timeout", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_init_error_stops_the_simulation_with_its_exit_code()
    {
        using var script = ScriptFunction.Create("""request POST init/error '{"errorType":"Boom","errorMessage":"no config"}' "Lambda-Runtime-Function-Error-Type: Boom" > /dev/null; exit 1""");
        await File.WriteAllTextAsync(_messages, "\"a\"\n");

        var (exitCode, _, stderr) = await Simulate("sqs", script.Path, "--messages", _messages);

        Assert.Equal(ExitCodes.InitError, exitCode);
        Assert.Contains("The function failed its init", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_async_retries_a_failing_event_twice_and_sends_it_to_the_on_failure_destination()
    {
        using var script = ScriptFunction.Create("""
            while true; do
              next
              if [[ $event == *bad* ]]; then fail Order.Invalid "order rejected"; else respond '{"done":true}'; fi
            done
            """);
        await File.WriteAllTextAsync(_messages, "{\"order\":\"good\"}\n{\"order\":\"bad\"}\n");
        var failures = Path.GetTempFileName();
        try
        {
            var (exitCode, stdout, stderr) = await Simulate("async", script.Path, "--events", _messages, "--on-failure", failures);

            Assert.True(exitCode == ExitCodes.Success, stderr);
            var summary = Summary(stdout);
            Assert.Equal(1, summary.GetProperty("processed").GetInt32());
            Assert.Equal(1, summary.GetProperty("deadLettered").GetInt32());
            Assert.Equal(4, summary.GetProperty("invocations").GetInt32());
            Assert.InRange(summary.GetProperty("virtualSeconds").GetDouble(), 180, 240); // 1 + 2 minutes of retry delays, plus the real time spent in the function
            var record = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(failures))).RootElement;
            Assert.Equal("RetriesExhausted", record.GetProperty("requestContext").GetProperty("condition").GetString());
            Assert.Equal(3, record.GetProperty("requestContext").GetProperty("approximateInvokeCount").GetInt32());
            Assert.EndsWith(":function:bootstrap:$LATEST", record.GetProperty("requestContext").GetProperty("functionArn").GetString(), StringComparison.Ordinal);
            Assert.Equal("Order.Invalid", record.GetProperty("responsePayload").GetProperty("errorType").GetString());
            Assert.Equal("bad", record.GetProperty("requestPayload").GetProperty("order").GetString());
        }
        finally
        {
            File.Delete(failures);
        }
    }
}
