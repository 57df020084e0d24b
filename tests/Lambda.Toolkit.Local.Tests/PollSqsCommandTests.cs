using System.Diagnostics;
using System.Text.Json;
using Amazon.SQS.Model;
using Lambda.Toolkit.Aws.Tests;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Tests;

/// <summary>
/// <c>lambda-toolkit poll sqs</c> end to end, in process: the real AWSSDK client against local-aws-sqs started by the
/// test, functions written for Node.js, and the queue checked afterwards with the same client.
/// </summary>
public sealed class PollSqsCommandTests : IClassFixture<SqsServerFixture>
{
    /// <summary>Prints the event (one line) and fails the messages whose body starts with "fail".</summary>
    private const string ReportsFailures = """
        console.log("EVENT " + JSON.stringify(event));
        return { batchItemFailures: event.Records.filter(r => r.body.startsWith("fail")).map(r => ({ itemIdentifier: r.messageId })) };
        """;

    private readonly SqsServerFixture _sqs;

    public PollSqsCommandTests(SqsServerFixture sqs)
    {
        _sqs = sqs;

        // The tool reads credentials from the usual AWS environment; local-aws-sqs accepts any.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "test");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "test");
    }

    [Fact]
    public async Task Every_message_that_succeeds_is_deleted_and_the_event_is_Lambdas()
    {
        using var function = NodeFunction.Create(ReportsFailures);
        var queue = await CreateQueueAsync("all-succeed");
        await _sqs.Client.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = queue,
            MessageBody = """{"orderId":"1"}""",
            MessageAttributes = new() { ["tenant"] = new MessageAttributeValue { DataType = "String", StringValue = "acme" } },
        });
        await SendAsync(queue, "two", "three");

        var run = await PollAsync(function.Path, queue, [], stopAfter: batches => batches.Sum(b => b.Received) >= 3);

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Equal(3, run.Summary.GetProperty("received").GetInt32());
        Assert.Equal(3, run.Summary.GetProperty("succeeded").GetInt32());
        Assert.Equal(0, run.Summary.GetProperty("failed").GetInt32());
        Assert.Equal(3, run.Summary.GetProperty("deleted").GetInt32());
        Assert.Equal(0, await CountAsync(queue));
        Assert.Matches(@"(?m)^batch 1: received \d, succeeded \d, failed 0, deleted \d$", run.Stdout);
        Assert.Contains("REPORT RequestId: ", run.Stdout, StringComparison.Ordinal);

        var arn = (await _sqs.Client.GetQueueAttributesAsync(queue, ["QueueArn"])).Attributes["QueueArn"];
        var records = Events(run.Stdout).SelectMany(e => e.GetProperty("Records").EnumerateArray()).ToList();
        var first = Assert.Single(records, r => r.GetProperty("body").GetString() == """{"orderId":"1"}""");
        Assert.Equal("aws:sqs", first.GetProperty("eventSource").GetString());
        Assert.Equal(arn, first.GetProperty("eventSourceARN").GetString());
        Assert.Equal("us-east-1", first.GetProperty("awsRegion").GetString());
        Assert.Equal(32, first.GetProperty("md5OfBody").GetString()!.Length);
        Assert.Equal("1", first.GetProperty("attributes").GetProperty("ApproximateReceiveCount").GetString());
        Assert.True(first.GetProperty("attributes").TryGetProperty("SentTimestamp", out _));
        var tenant = first.GetProperty("messageAttributes").GetProperty("tenant");
        Assert.Equal("acme", tenant.GetProperty("stringValue").GetString());
        Assert.Equal("String", tenant.GetProperty("dataType").GetString());
        Assert.Equal(0, tenant.GetProperty("stringListValues").GetArrayLength());
        Assert.False(string.IsNullOrEmpty(first.GetProperty("receiptHandle").GetString()));
    }

    [Fact]
    public async Task A_partial_batch_response_leaves_exactly_the_failed_messages_which_come_back_with_a_higher_receive_count()
    {
        using var function = NodeFunction.Create(ReportsFailures);
        var queue = await CreateQueueAsync("partial", visibilityTimeout: 2);
        await SendAsync(queue, "ok-1", "fail-2", "ok-3", "fail-4");

        // ReportBatchItemFailures is on by default (--report-batch-item-failures on|off), as for simulate sqs.
        var run = await PollAsync(function.Path, queue, ["--batch-size", "4", "--timeout", "2"], stopAfter: batches => batches.Count >= 1);

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("batch 1: received 4, succeeded 2, failed 2, deleted 2 (failed: 2 listed in batchItemFailures)", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, run.Summary.GetProperty("deleted").GetInt32());
        var back = await ReceiveAsync(queue, 2);
        Assert.Equal(["fail-2", "fail-4"], back.Select(m => m.Body).Order());
        Assert.All(back, m => Assert.True(int.Parse(m.Attributes["ApproximateReceiveCount"]) > 1, m.Attributes["ApproximateReceiveCount"]));
    }

    [Fact]
    public async Task With_ReportBatchItemFailures_off_a_partial_response_is_ignored_and_the_whole_batch_deleted()
    {
        using var function = NodeFunction.Create(ReportsFailures);
        var queue = await CreateQueueAsync("partial-off");
        await SendAsync(queue, "ok-1", "fail-2");

        var run = await PollAsync(function.Path, queue, ["--batch-size", "2", "--report-batch-item-failures", "off"], stopAfter: batches => batches.Count >= 1);

        Assert.Contains("batch 1: received 2, succeeded 2, failed 0, deleted 2", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("ReportBatchItemFailures is off", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(queue));
    }

    [Fact]
    public async Task A_function_error_leaves_the_whole_batch_for_redelivery()
    {
        using var function = NodeFunction.Create("""throw new TypeError("orders table unavailable");""");
        var queue = await CreateQueueAsync("function-error", visibilityTimeout: 2);
        await SendAsync(queue, "a", "b", "c");

        var run = await PollAsync(function.Path, queue, ["--batch-size", "3", "--timeout", "2", "--report-batch-item-failures", "on"], stopAfter: batches => batches.Count >= 1);

        Assert.Contains("batch 1: received 3, succeeded 0, failed 3, deleted 0 (failed: 3 the function failed (TypeError))", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, run.Summary.GetProperty("deleted").GetInt32());
        Assert.Equal(3, run.Summary.GetProperty("failed").GetInt32());
        var back = await ReceiveAsync(queue, 3);
        Assert.Equal(["a", "b", "c"], back.Select(m => m.Body).Order());
    }

    [Fact]
    public async Task In_a_FIFO_batch_a_failed_message_blocks_the_rest_of_its_group()
    {
        // The function lists only a-2, not the a-3 after it: a-3 stays too, so group a keeps its order.
        using var function = NodeFunction.Create("""
            return { batchItemFailures: event.Records.filter(r => r.body === "a-2").map(r => ({ itemIdentifier: r.messageId })) };
            """);
        var queue = await CreateQueueAsync("groups.fifo", visibilityTimeout: 2, fifo: true);
        foreach (var (group, body) in new[] { ("a", "a-1"), ("b", "b-1"), ("a", "a-2"), ("b", "b-2"), ("a", "a-3") })
        {
            await _sqs.Client.SendMessageAsync(new SendMessageRequest { QueueUrl = queue, MessageBody = body, MessageGroupId = group, MessageDeduplicationId = body });
        }

        var run = await PollAsync(function.Path, queue, ["--batch-size", "5", "--timeout", "2", "--report-batch-item-failures", "on"], stopAfter: batches => batches.Count >= 1);

        Assert.Contains("batch 1: received 5, succeeded 3, failed 2, deleted 3 (failed: 1 listed in batchItemFailures; 1 behind failed message ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("of FIFO group a)", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("keeps its order", run.Stderr, StringComparison.Ordinal);
        var back = await ReceiveAsync(queue, 2);
        Assert.Equal(["a-2", "a-3"], back.Select(m => m.Body));
    }

    [Fact]
    public async Task Stopping_mid_batch_lets_the_batch_finish_and_deletes_its_successes()
    {
        using var function = NodeFunction.Create("""console.log("STARTED"); await sleep(1500); console.log("FINISHED"); return null;""");
        var queue = await CreateQueueAsync("stop-finish");
        await SendAsync(queue, "a", "b");

        var run = await PollAsync(function.Path, queue, ["--batch-size", "2"], stopOnOutput: "STARTED");

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("[lambda-toolkit] Stopping: batch 1 (2 messages) is in flight", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("FINISHED", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, run.Summary.GetProperty("deleted").GetInt32());
        Assert.Equal(1, run.Summary.GetProperty("batches").GetInt32());
        Assert.Equal(0, await CountAsync(queue));
    }

    [Fact]
    public async Task Stopping_while_the_function_hangs_deletes_nothing_and_loses_nothing()
    {
        using var function = NodeFunction.Create("""console.log("STARTED"); await sleep(600000);""");
        var queue = await CreateQueueAsync("stop-hang", visibilityTimeout: 2);
        await SendAsync(queue, "a", "b");

        var run = await PollAsync(function.Path, queue, ["--batch-size", "2", "--timeout", "2"], stopOnOutput: "STARTED");

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("Status: timeout", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, run.Summary.GetProperty("deleted").GetInt32());
        Assert.Equal(2, run.Summary.GetProperty("failed").GetInt32());
        var back = await ReceiveAsync(queue, 2);
        Assert.Equal(["a", "b"], back.Select(m => m.Body).Order());
    }

    [Fact]
    public async Task SIGTERM_to_the_tool_mid_batch_finishes_the_batch_deletes_its_successes_and_exits_143()
    {
        using var function = NodeFunction.Create("""console.log("STARTED"); await sleep(1500); return null;""");
        var queue = await CreateQueueAsync("sigterm");
        await SendAsync(queue, "a", "b");
        using var tool = Process.Start(ToolStart(["poll", "sqs", function.Path, "--queue-url", queue, "--endpoint-url", _sqs.Endpoint, "--batch-size", "2", "--wait-time", "1"]))!;
        var stdout = new WatchedWriter();
        tool.OutputDataReceived += (_, e) => stdout.WriteLine(e.Data ?? string.Empty);
        var stderr = tool.StandardError.ReadToEndAsync();
        tool.BeginOutputReadLine();
        try
        {
            await stdout.WaitForAsync("STARTED").WaitAsync(TimeSpan.FromMinutes(1));
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", tool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
            {
                await kill.WaitForExitAsync();
            }

            await tool.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            if (!tool.HasExited)
            {
                tool.Kill(entireProcessTree: true);
            }
        }

        Assert.True(tool.ExitCode == ExitCodes.Terminated, $"exit {tool.ExitCode}: {await stderr}");
        await stdout.WaitForAsync("\"batches\":1}").WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("""{"received":2,"succeeded":2,"failed":0,"deleted":2,"deleteFailed":0,"released":0,"batches":1}""", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(queue));
    }

    [Fact]
    public async Task Help_describes_poll_sqs()
    {
        var stdout = new StringWriter();

        var exitCode = await PollSqsCommand.RunAsync(["sqs", "--help"], stdout, new StringWriter(), CancellationToken.None);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("lambda-toolkit poll sqs <function> --queue-url <url> [options]", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("--report-batch-item-failures on|off   default on", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_batch_window_gathers_several_receives_into_one_batch()
    {
        using var function = NodeFunction.Create(ReportsFailures);
        var queue = await CreateQueueAsync("window");
        await SendAsync(queue, "a");
        var stderr = new WatchedWriter();

        // The first message opens the window; the two sent after it still make the same batch.
        var run = PollAsync(function.Path, queue, ["--batch-size", "20", "--batch-window", "5"], stopAfter: batches => batches.Count >= 1, stderr: stderr);
        await stderr.WaitForAsync("Batch window open: 1 message(s) in hand").WaitAsync(TimeSpan.FromMinutes(1));
        await SendAsync(queue, "b", "c");

        Assert.Contains("batch 1: received 3, succeeded 3, failed 0, deleted 3", (await run).Stdout, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(queue));
    }

    [Fact]
    public async Task Stopping_while_a_batch_is_gathered_releases_its_messages_at_once()
    {
        using var function = NodeFunction.Create(ReportsFailures);
        var queue = await CreateQueueAsync("release", visibilityTimeout: 600);
        await SendAsync(queue, "a", "b");
        var stderr = new WatchedWriter();
        using var stop = new CancellationTokenSource();

        var run = PollAsync(function.Path, queue, ["--batch-size", "20", "--batch-window", "300"], stderr: stderr, stop: stop);
        await stderr.WaitForAsync("Batch window open: 2 message(s) in hand").WaitAsync(TimeSpan.FromMinutes(1));
        await stop.CancelAsync();
        var result = await run;

        Assert.Equal(2, result.Summary.GetProperty("released").GetInt32());
        Assert.Equal(0, result.Summary.GetProperty("batches").GetInt32());
        Assert.Contains("Releasing 2 message(s) received but not yet given to the function.", result.Stderr, StringComparison.Ordinal);
        var back = await ReceiveAsync(queue, 2, waitSeconds: 5);
        Assert.Equal(["a", "b"], back.Select(m => m.Body).Order());
    }

    [Fact]
    public async Task A_function_process_that_dies_mid_batch_leaves_the_batch_and_a_new_process_takes_the_redelivery()
    {
        // The first process dies on its first event; the one started after it succeeds.
        using var function = NodeFunction.Create("""
            const marker = require("path").join(__dirname, "crashed");
            if (!require("fs").existsSync(marker)) { require("fs").writeFileSync(marker, ""); process.exit(3); }
            return null;
            """);
        var queue = await CreateQueueAsync("crash");
        await SendAsync(queue, "a", "b");

        var run = await PollAsync(function.Path, queue, ["--batch-size", "2", "--failed-visibility", "0"], stopAfter: batches => batches.Count >= 2);

        Assert.Contains("batch 1: received 2, succeeded 0, failed 2, deleted 0 (failed: 2 the function failed (Runtime.ExitError))", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("batch 2: received 2, succeeded 2, failed 0, deleted 2", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("The function process exited with code 3; starting a new one.", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(queue));
    }

    [Fact]
    public async Task A_receive_larger_than_Lambdas_6_MB_event_is_split_into_batches_that_fit()
    {
        using var function = NodeFunction.Create("""console.log("RECORDS " + event.Records.length); return null;""");
        var queue = await CreateQueueAsync("large");
        var body = new string('x', 1_000_000);
        await SendAsync(queue, [.. Enumerable.Repeat(body, 7)]);

        var run = await PollAsync(function.Path, queue, [], stopAfter: batches => batches.Sum(b => b.Received) >= 7);

        // Six 1,000,000-byte bodies fit in 6,291,456 bytes with their envelopes; a seventh does not.
        Assert.Contains("batch 1: received 6, succeeded 6, failed 0, deleted 6", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("batch 2: received 1, succeeded 1, failed 0, deleted 1", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(queue));
    }

    [Fact]
    public async Task A_message_SQS_does_not_delete_is_reported_by_id_and_counted_as_deleteFailed()
    {
        // The function receives its own message again behind the tool's back, so the tool's receipt handle is stale by the
        // time of the delete (as when a function outlives the visibility timeout and another consumer gets the message);
        // then it makes the message visible again. SQS refuses the tool's delete.
        using var function = NodeFunction.Create("""
            const sqs = (action, body) => fetch(process.env.SQS_ENDPOINT, { method: "POST",
              headers: { "Content-Type": "application/x-amz-json-1.0", "X-Amz-Target": "AmazonSQS." + action },
              body: JSON.stringify({ QueueUrl: process.env.QUEUE_URL, ...body }) });
            await sqs("ChangeMessageVisibility", { ReceiptHandle: event.Records[0].receiptHandle, VisibilityTimeout: 0 });
            let again;
            while (!again) {
              const text = await (await sqs("ReceiveMessage", { MaxNumberOfMessages: 1, WaitTimeSeconds: 1 })).text();
              again = text ? JSON.parse(text).Messages?.[0] : undefined;
            }
            await sqs("ChangeMessageVisibility", { ReceiptHandle: again.ReceiptHandle, VisibilityTimeout: 0 });
            return null;
            """);
        var queue = await CreateQueueAsync("expired.fifo", fifo: true);
        await _sqs.Client.SendMessageAsync(new SendMessageRequest { QueueUrl = queue, MessageBody = "late", MessageGroupId = "g", MessageDeduplicationId = "late" });

        var run = await PollAsync(function.Path, queue, ["--batch-size", "1", "--env", "SQS_ENDPOINT=" + _sqs.Endpoint, "--env", "QUEUE_URL=" + queue], stopAfter: batches => batches.Count >= 1);

        Assert.Contains("batch 1: received 1, succeeded 1, failed 0, deleted 0", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, run.Summary.GetProperty("deleteFailed").GetInt32());
        Assert.Matches(@"\[lambda-toolkit\] Message [0-9a-f-]{36} succeeded but was not deleted \(.+\); SQS will deliver it again\.", run.Stderr);
        Assert.Equal("late", Assert.Single(await ReceiveAsync(queue, 1)).Body);
    }

    [Fact]
    public async Task Failed_visibility_zero_makes_failed_messages_visible_again_at_once()
    {
        using var function = NodeFunction.Create(ReportsFailures);
        var queue = await CreateQueueAsync("failed-visibility", visibilityTimeout: 600);
        await SendAsync(queue, "ok", "fail");

        var run = await PollAsync(function.Path, queue, ["--batch-size", "2", "--report-batch-item-failures", "on", "--failed-visibility", "0"], stopAfter: batches => batches.Count >= 1);

        Assert.Equal(1, run.Summary.GetProperty("failed").GetInt32());
        var back = await ReceiveAsync(queue, 1, waitSeconds: 5);
        Assert.Equal("fail", Assert.Single(back).Body);
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_is_one_line_and_exit_2()
    {
        var (exitCode, stderr) = await FailAsync(["sqs", "fn", "--queue-url", _sqs.Endpoint + "/123456789012/missing", "--endpoint-url", _sqs.Endpoint]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Equal($"The queue {_sqs.Endpoint}/123456789012/missing does not exist (at {_sqs.Endpoint}).", stderr.Trim());
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_one_line_and_exit_2()
    {
        var (exitCode, stderr) = await FailAsync(["sqs", "fn", "--queue-url", "http://127.0.0.1:1/123456789012/orders", "--endpoint-url", "http://127.0.0.1:1"]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("Cannot reach SQS at http://127.0.0.1:1: ", stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public async Task Missing_credentials_are_one_line_and_exit_2()
    {
        // A fresh tool process with no credentials anywhere the SDK looks.
        var start = ToolStart(["poll", "sqs", "fn", "--queue-url", _sqs.Endpoint + "/123456789012/orders", "--endpoint-url", _sqs.Endpoint]);
        start.Environment.Remove("AWS_ACCESS_KEY_ID");
        start.Environment.Remove("AWS_SECRET_ACCESS_KEY");
        start.Environment.Remove("AWS_SESSION_TOKEN");
        start.Environment.Remove("AWS_PROFILE");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/credentials";
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/config";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        using var tool = Process.Start(start)!;
        var stderr = tool.StandardError.ReadToEndAsync();
        await tool.StandardOutput.ReadToEndAsync();
        await tool.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(ExitCodes.Usage, tool.ExitCode);
        Assert.Equal("No AWS credentials were found (environment, AWS_PROFILE or the default profile, web identity, instance metadata); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE.", (await stderr).Trim());
    }

    [Fact]
    public async Task A_visibility_timeout_shorter_than_the_function_timeout_is_refused_as_Lambda_refuses_the_mapping()
    {
        var queue = await CreateQueueAsync("short-visibility", visibilityTimeout: 5);

        var (exitCode, stderr) = await FailAsync(["sqs", "fn", "--queue-url", queue, "--endpoint-url", _sqs.Endpoint, "--timeout", "10"]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.StartsWith("The queue's visibility timeout (5 s) is less than the function timeout (10 s)", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "sqs", "fn", "--queue-url", "http://x/1/q", "--bogus" }, "Unknown option '--bogus' for poll sqs.")]
    [InlineData(new[] { "sqs", "fn", "--queue-url", "http://x/1/q", "--batch-size", "11" }, "--batch-size 11 needs --batch-window of at least 1 second")]
    [InlineData(new[] { "sqs", "fn", "--queue-url", "http://x/1/q.fifo", "--batch-size", "11", "--batch-window", "5" }, "--batch-size must be between 1 and 10 for a FIFO queue (was 11). --batch-window is not supported for a FIFO queue: Lambda has no batching window for FIFO queues.")]
    [InlineData(new[] { "sqs", "fn", "--queue-url", "http://x/1/q", "--batch-window", "301" }, "--batch-window must be between 0 and 300 seconds")]
    [InlineData(new[] { "sqs", "fn", "--queue-url", "http://x/1/q", "--wait-time", "21" }, "--wait-time must be between 0 and 20 seconds")]
    [InlineData(new[] { "sqs", "fn", "--queue-url", "http://x/1/q", "--report-batch-item-failures", "maybe" }, "--report-batch-item-failures expects on or off, got 'maybe'.")]
    [InlineData(new[] { "sqs", "fn", "--queue-url", "http://x/1/q", "--report-batch-item-failures" }, "--report-batch-item-failures needs a value.")]
    [InlineData(new[] { "sqs", "fn", "--queue-url", "orders" }, "--queue-url must be an http(s) queue URL")]
    [InlineData(new[] { "sqs", "fn" }, "Name the queue with --queue-url <url>.")]
    [InlineData(new[] { "sqs", "--queue-url", "http://x/1/q" }, "Name the function to poll for")]
    [InlineData(new[] { "kinesis", "fn" }, "Unknown source 'kinesis' for poll; the source is sqs.")]
    [InlineData(new string[0], "poll needs a source")]
    public async Task Bad_arguments_are_usage_errors(string[] args, string message)
    {
        var (exitCode, stderr) = await FailAsync(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    /// <summary>The tool as users run it: its own process.</summary>
    private static ProcessStartInfo ToolStart(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Paths.ToolDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private async Task<(int ExitCode, string Stderr)> FailAsync(string[] args)
    {
        var stderr = new StringWriter();
        var exitCode = await PollSqsCommand.RunAsync(args, new StringWriter(), stderr, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));
        return (exitCode, stderr.ToString());
    }

    private async Task<PollRun> PollAsync(string function, string queue, string[] options, Func<IReadOnlyList<PollSqsBatch>, bool>? stopAfter = null, string? stopOnOutput = null, WatchedWriter? stderr = null, CancellationTokenSource? stop = null)
    {
        var stdout = new WatchedWriter();
        stderr ??= new WatchedWriter();
        using var owned = new CancellationTokenSource();
        stop ??= owned;
        var batches = new List<PollSqsBatch>();
        var task = PollSqsCommand.RunAsync(
            ["sqs", function, "--queue-url", queue, "--endpoint-url", _sqs.Endpoint, "--wait-time", "1", .. options],
            stdout,
            stderr,
            stop.Token,
            batch =>
            {
                batches.Add(batch);
                if (stopAfter?.Invoke(batches) == true)
                {
                    stop.Cancel();
                }
            });
        if (stopOnOutput is not null)
        {
            await stdout.WaitForAsync(stopOnOutput).WaitAsync(TimeSpan.FromMinutes(1));
            await stop.CancelAsync();
        }

        var exitCode = await task.WaitAsync(TimeSpan.FromMinutes(2));
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 0 && lines[^1].StartsWith("{\"received\":", StringComparison.Ordinal), stdout + "\n" + stderr);
        var summary = JsonDocument.Parse(lines[^1]).RootElement.Clone();
        Assert.DoesNotContain("ReceiveMessage failed", stderr.ToString(), StringComparison.Ordinal);

        // The summary adds up: every message received is accounted for.
        Assert.Equal(summary.GetProperty("received").GetInt32(), summary.GetProperty("succeeded").GetInt32() + summary.GetProperty("failed").GetInt32() + summary.GetProperty("released").GetInt32());
        Assert.Equal(summary.GetProperty("succeeded").GetInt32(), summary.GetProperty("deleted").GetInt32() + summary.GetProperty("deleteFailed").GetInt32());
        return new PollRun(exitCode, stdout.ToString(), stderr.ToString(), summary);
    }

    private async Task<string> CreateQueueAsync(string name, int visibilityTimeout = 30, bool fifo = false)
    {
        var attributes = new Dictionary<string, string> { ["VisibilityTimeout"] = visibilityTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (fifo)
        {
            attributes["FifoQueue"] = "true";
        }

        return (await _sqs.Client.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl;
    }

    private async Task SendAsync(string queue, params string[] bodies)
    {
        foreach (var body in bodies)
        {
            await _sqs.Client.SendMessageAsync(queue, body);
        }
    }

    /// <summary>Messages on the queue, visible or in flight.</summary>
    private async Task<int> CountAsync(string queue)
    {
        var attributes = (await _sqs.Client.GetQueueAttributesAsync(queue, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])).Attributes;
        return int.Parse(attributes["ApproximateNumberOfMessages"]) + int.Parse(attributes["ApproximateNumberOfMessagesNotVisible"]);
    }

    /// <summary>Waits (a long poll, not a sleep) until <paramref name="count"/> messages are visible again, and receives them.</summary>
    private async Task<List<Message>> ReceiveAsync(string queue, int count, int waitSeconds = 10)
    {
        var request = new ReceiveMessageRequest { QueueUrl = queue, MaxNumberOfMessages = count, WaitTimeSeconds = waitSeconds, MessageSystemAttributeNames = ["All"] };
#pragma warning disable CS0618 // local-aws-sqs reads only the older name of the attribute list
        request.AttributeNames = ["All"];
#pragma warning restore CS0618
        var messages = (await _sqs.Client.ReceiveMessageAsync(request)).Messages ?? [];
        Assert.Equal(count, messages.Count);
        return messages;
    }

    private static IEnumerable<JsonElement> Events(string stdout) =>
        stdout.Split('\n').Where(l => l.StartsWith("EVENT ", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l["EVENT ".Length..]).RootElement.Clone());

    private sealed record PollRun(int ExitCode, string Stdout, string Stderr, JsonElement Summary);
}
