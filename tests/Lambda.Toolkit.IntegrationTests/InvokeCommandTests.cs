using Lambda.Toolkit.Local;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.IntegrationTests;

/// <summary><c>lambda-toolkit invoke</c> end to end: it builds and starts the sample, sends the event, prints the answer.</summary>
public class InvokeCommandTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await InvokeCommand.RunAsync(args, stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static string Hello(params string[] parts) => Repository.Path(["samples", "HelloWorld", .. parts]);

    [Fact]
    public async Task Prints_the_response_and_a_REPORT_line_with_Init_Duration()
    {
        var (exitCode, stdout, _) = await Invoke(Hello(), "--event", Hello("events", "hello.json"), "--memory", "256");

        Assert.Equal(ExitCodes.Success, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith("{\"message\":\"Hello, Lambda.Toolkit!\"", StringComparison.Ordinal));
        var report = Assert.Single(lines, l => l.StartsWith("REPORT RequestId: ", StringComparison.Ordinal));
        Assert.Matches(@"^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms$", report);
    }

    [Theory]
    [InlineData("HelloWorld", "missing-name.json", ExitCodes.FunctionError, "\"errorType\":\"HelloWorld.NameMissing\"")]
    [InlineData("OrdersApi", "create-order.json", ExitCodes.Success, "{\"statusCode\":201,")]
    [InlineData("OrdersApi", "list-orders-v1.json", ExitCodes.Success, "{\"statusCode\":200,")]
    [InlineData("OrdersApi", "get-missing-alb.json", ExitCodes.Success, "{\"statusCode\":404,\"statusDescription\":\"404 Not Found\"")]
    [InlineData("OrderWorker", "orders-fifo.json", ExitCodes.Success, "{\"batchItemFailures\":[{\"itemIdentifier\":\"0a1b2c3d-0002-4000-8000-000000000002\"},{\"itemIdentifier\":\"0a1b2c3d-0003-4000-8000-000000000003\"},{\"itemIdentifier\":\"0a1b2c3d-0004-4000-8000-000000000004\"}]}")]
    [InlineData("StreamProjector", "product-changes.json", ExitCodes.Success, "{\"batchItemFailures\":[]}")]
    [InlineData("JobQueue", "thumbnails.json", ExitCodes.Success, "{\"failedJobIds\":[\"job-0002\",\"job-0004\"]}")]
    [InlineData("PlatformHooks", "presignup.json", ExitCodes.Success, "\"response\":{\"autoConfirmUser\":true,\"autoVerifyPhone\":false,\"autoVerifyEmail\":true}")]
    public async Task Every_sample_answers_its_bundled_events(string sample, string eventFile, int expectedExit, string expectedAnswer)
    {
        var (exitCode, stdout, stderr) = await Invoke(Repository.Path("samples", sample), "--event", Repository.Path("samples", sample, "events", eventFile));

        Assert.True(expectedExit == exitCode, stdout + "\n" + stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith('{') && l.Contains(expectedAnswer, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("REPORT RequestId: ", StringComparison.Ordinal) && l.Contains("Init Duration", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0", "Job queue: MaxDegreeOfParallelism must be between 1 and 64 (was 0).")]
    [InlineData("many", "Job queue: FormatException:")]
    public async Task A_custom_adapter_with_a_wrong_option_ends_in_init_error_and_a_non_zero_exit(string parallelism, string problem)
    {
        var sample = Repository.Path("samples", "JobQueue");
        var (exitCode, stdout, stderr) = await Invoke(sample, "--event", Repository.Path("samples", "JobQueue", "events", "thumbnails.json"), "--env", "JobQueue__MaxDegreeOfParallelism=" + parallelism);

        Assert.True(exitCode == ExitCodes.InitError, stdout + "\n" + stderr);
        Assert.Contains(LambdaErrorTypes.InitFailed, stdout + stderr, StringComparison.Ordinal);
        Assert.Contains(problem, stdout + stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Warm_invocations_report_no_Init_Duration()
    {
        var (exitCode, stdout, _) = await Invoke(Hello(), "--event", Hello("events", "hello.json"), "--count", "2");

        Assert.Equal(ExitCodes.Success, exitCode);
        var reports = stdout.Split('\n').Where(l => l.StartsWith("REPORT", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, reports.Length);
        Assert.Contains("Init Duration", reports[0]);
        Assert.DoesNotContain("Init Duration", reports[1]);
    }

    [Fact]
    public async Task An_event_file_with_a_byte_order_mark_is_accepted()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, [0xEF, 0xBB, 0xBF, .. "{\"name\":\"bom\"}"u8.ToArray()]);
        try
        {
            var (exitCode, stdout, _) = await Invoke(Hello(), "--event", file);

            Assert.Equal(ExitCodes.Success, exitCode);
            Assert.Contains("Hello, bom!", stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new string[] { }, "Name the function")]
    [InlineData(new[] { "fn" }, "--event")]
    [InlineData(new[] { "fn", "--event" }, "--event needs a value")]
    [InlineData(new[] { "fn", "--event", "e.json", "--timeout", "0" }, "--timeout must be between")]
    [InlineData(new[] { "fn", "--event", "e.json", "--bogus" }, "Unknown option '--bogus'")]
    public async Task Usage_errors_exit_2_with_a_message(string[] args, string message)
    {
        var (exitCode, _, stderr) = await Invoke(args);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public async Task A_missing_function_is_a_clear_error()
    {
        var (exitCode, _, stderr) = await Invoke(Repository.Path("samples", "NoSuchFunction"), "--event", Hello("events", "hello.json"));

        Assert.Equal(ExitCodes.ProcessFailed, exitCode);
        Assert.Contains("does not exist", stderr);
    }

    [Fact]
    public async Task A_missing_event_file_is_a_usage_error()
    {
        var (exitCode, _, stderr) = await Invoke(Hello(), "--event", Hello("events", "nope.json"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("cannot be read", stderr);
    }
}
