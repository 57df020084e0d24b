using System.Text.RegularExpressions;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.Local.Tests;

/// <summary><c>lambda-toolkit invoke</c> end to end, in process: the floor for the happy paths, script functions for the rest.</summary>
public sealed class InvokeCommandTests : IDisposable
{
    private const string FloorBody = """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"{\"id\":42,\"status\":\"shipped\"}","isBase64Encoded":false}""";
    private const string Report = @"^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: (?<memory>\d+) MB\tMax Memory Used: (?<used>\d+) MB";
    private readonly string _event;

    public InvokeCommandTests()
    {
        _event = Path.GetTempFileName();
        File.WriteAllText(_event, """{"path":"/orders/42","httpMethod":"GET"}""");
    }

    public void Dispose() => File.Delete(_event);

    private static async Task<(int ExitCode, string[] Stdout, string Stderr)> Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await InvokeCommand.RunAsync(args, stdout, stderr, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(3));
        return (exitCode, stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), stderr.ToString());
    }

    [Theory]
    [InlineData("dll")]
    [InlineData("executable")]
    [InlineData("project")]
    public async Task Prints_the_response_then_a_REPORT_line_with_Init_Duration(string kind)
    {
        var target = kind switch
        {
            "dll" => Paths.FloorDll,
            "executable" => Paths.FloorExecutable,
            _ => Path.Combine(Paths.FloorProject, "Lambda.Toolkit.Floor.csproj"),
        };

        var (exitCode, stdout, stderr) = await Invoke(target, "--event", _event, "--memory", "256");

        Assert.True(exitCode == ExitCodes.Success, stderr);
        Assert.Equal(2, stdout.Length);
        Assert.Equal(FloorBody, stdout[0]);
        var report = Regex.Match(stdout[1], Report + @"\tInit Duration: \d+\.\d\d ms$");
        Assert.True(report.Success, stdout[1]);
        Assert.Equal("256", report.Groups["memory"].Value);
        Assert.InRange(int.Parse(report.Groups["used"].Value), 4, 1024);
    }

    [Fact]
    public async Task Warm_invocations_have_no_Init_Duration()
    {
        var (exitCode, stdout, stderr) = await Invoke(Paths.FloorDll, "--event", _event, "--count", "3");

        Assert.True(exitCode == ExitCodes.Success, stderr);
        var reports = stdout.Where(l => l.StartsWith("REPORT", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, reports.Length);
        Assert.Contains("\tInit Duration: ", reports[0], StringComparison.Ordinal);
        Assert.All(reports[1..], r => Assert.Matches(Report + "$", r));
        Assert.Equal(3, reports.Select(r => r.Split('\t')[0]).Distinct().Count());
    }

    [Fact]
    public async Task The_event_reaches_the_function_without_its_byte_order_mark_and_logs_come_first()
    {
        using var script = ScriptFunction.Create("""next; echo "log: got $event"; respond "$event"; exec sleep 60""");
        await File.WriteAllBytesAsync(_event, [0xEF, 0xBB, 0xBF, .. """{"name":"bom"}"""u8.ToArray()]);

        var (exitCode, stdout, stderr) = await Invoke(script.Path, "--event", _event);

        Assert.True(exitCode == ExitCodes.Success, stderr);
        Assert.Equal("""log: got {"name":"bom"}""", stdout[0]);
        Assert.Equal("""{"name":"bom"}""", stdout[1]);
        Assert.StartsWith("REPORT ", stdout[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_variables_reach_the_function()
    {
        using var script = ScriptFunction.Create("""next; respond "\"$GREETING $AWS_LAMBDA_FUNCTION_MEMORY_SIZE $AWS_LAMBDA_FUNCTION_NAME\""; exec sleep 60""");

        var (exitCode, stdout, stderr) = await Invoke(script.Path, "--event", _event, "--env", "GREETING=hi=there", "--memory", "1024", "--name", "orders");

        Assert.True(exitCode == ExitCodes.Success, stderr);
        Assert.Equal("\"hi=there 1024 orders\"", stdout[0]);
    }

    [Fact]
    public async Task A_function_error_prints_the_error_JSON_and_exits_1()
    {
        using var script = ScriptFunction.Create("next; fail Orders.NotFound 'order 42 does not exist'; exec sleep 60");

        var (exitCode, stdout, _) = await Invoke(script.Path, "--event", _event);

        Assert.Equal(ExitCodes.FunctionError, exitCode);
        Assert.Equal("""{"errorType":"Orders.NotFound","errorMessage":"order 42 does not exist","stackTrace":[]}""", stdout[0]);
        Assert.Matches(Report, stdout[1]);
    }

    [Fact]
    public async Task An_unanswered_invocation_times_out_and_exits_4()
    {
        using var script = ScriptFunction.Create("next; exec sleep 60");

        var (exitCode, stdout, _) = await Invoke(script.Path, "--event", _event, "--timeout", "1");

        Assert.Equal(ExitCodes.Timeout, exitCode);
        Assert.Equal("Task timed out after 1.00 seconds", stdout[0]);
        Assert.Matches(Report + @"\tInit Duration: \d+\.\d\d ms\tStatus: timeout$", stdout[1]);
        Assert.True(Regex.IsMatch(stdout[1], @"\tDuration: 1\d{3}\.\d\d ms"), stdout[1]);
    }

    [Fact]
    public async Task A_function_that_never_asks_for_an_event_is_an_init_timeout()
    {
        using var script = ScriptFunction.Create("exec sleep 60");

        var (exitCode, stdout, stderr) = await Invoke(script.Path, "--event", _event, "--init-timeout", "0.5");

        Assert.Equal(ExitCodes.Timeout, exitCode);
        Assert.Matches(@"^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: timeout$", Assert.Single(stdout));
        Assert.Contains("did not ask for an event", stderr, StringComparison.Ordinal);
        Assert.Contains("--init-timeout", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_init_error_prints_the_error_and_an_INIT_REPORT_and_exits_3()
    {
        using var script = ScriptFunction.Create("""request POST init/error '{"errorType":"Config.Missing","errorMessage":"no TABLE_NAME"}' 'Lambda-Runtime-Function-Error-Type: Runtime.Config' > /dev/null; exit 1""");

        var (exitCode, stdout, _) = await Invoke(script.Path, "--event", _event);

        Assert.Equal(ExitCodes.InitError, exitCode);
        Assert.Equal("""{"errorType":"Config.Missing","errorMessage":"no TABLE_NAME"}""", stdout[0]);
        Assert.Matches(@"^INIT_REPORT Init Duration: \d+\.\d\d ms\tPhase: init\tStatus: error\tError Type: Runtime.Config$", stdout[1]);
    }

    [Fact]
    public async Task A_process_that_exits_before_answering_reports_its_exit_code_and_stderr()
    {
        using var script = ScriptFunction.Create("next; echo 'Unhandled exception: boom' >&2; exit 134");

        var (exitCode, stdout, stderr) = await Invoke(script.Path, "--event", _event);

        Assert.Equal(ExitCodes.ProcessFailed, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("exited with code 134 before answering", stderr, StringComparison.Ordinal);
        Assert.Contains("Its last stderr lines:" + Environment.NewLine + "Unhandled exception: boom", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_function_is_a_clear_error()
    {
        var (exitCode, stdout, stderr) = await Invoke(Path.Combine(Paths.FloorProject, "Nope.csproj"), "--event", _event);

        Assert.Equal(ExitCodes.ProcessFailed, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("Nope.csproj does not exist", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_failure_shows_the_compiler_error()
    {
        using var project = BrokenProject.Create();

        var (exitCode, stdout, stderr) = await Invoke(project.Directory, "--event", _event);

        Assert.Equal(ExitCodes.ProcessFailed, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("Building ", stderr, StringComparison.Ordinal);
        Assert.Contains("error CS1002", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_event_file_is_a_usage_error()
    {
        var (exitCode, _, stderr) = await Invoke(Paths.FloorDll, "--event", _event + ".missing");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("cannot be read", stderr, StringComparison.Ordinal);
        Assert.Contains("lambda-toolkit --help", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_prints_the_usage_and_succeeds()
    {
        var (exitCode, stdout, _) = await Invoke("--help");

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains(stdout, l => l.StartsWith("lambda-toolkit invoke <function> --event <file.json>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_stops_the_function_and_exits_130()
    {
        using var script = ScriptFunction.Create("next; exec sleep 60");
        using var cancel = new CancellationTokenSource();
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var invoked = InvokeCommand.RunAsync([script.Path, "--event", _event], stdout, stderr, cancel.Token);

        await cancel.CancelAsync();
        var exitCode = await invoked.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExitCodes.Cancelled, exitCode);
        Assert.Contains("Cancelled", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_over_6_MB_is_refused_in_one_line_before_anything_starts()
    {
        await File.WriteAllTextAsync(_event, "\"" + new string('a', 7 * 1024 * 1024) + "\"");

        var (exitCode, stdout, stderr) = await Invoke(Path.Combine(Paths.FloorProject, "Nope.csproj"), "--event", _event);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(stdout);
        Assert.Equal("The event is 7,340,034 bytes; Lambda accepts at most 6,291,456 bytes for a synchronous (RequestResponse) invocation.", stderr.Trim());
    }

    [Fact]
    public async Task An_Event_invocation_accepts_at_most_1_MB()
    {
        await File.WriteAllTextAsync(_event, "\"" + new string('a', 1024 * 1024) + "\"");

        var (exitCode, stdout, stderr) = await Invoke(Paths.FloorDll, "--event", _event, "--invocation-type", "Event");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Empty(stdout);
        Assert.Equal("The event is 1,048,578 bytes; Lambda accepts at most 1,048,576 bytes for an asynchronous (Event) invocation.", stderr.Trim());
    }

    [Fact]
    public async Task A_synchronous_invocation_accepts_an_event_of_just_under_6_MB()
    {
        await File.WriteAllTextAsync(_event, "\"" + new string('a', LambdaLimitsBytes.Sync - 2) + "\"");

        var (exitCode, stdout, stderr) = await Invoke(Paths.FloorDll, "--event", _event);

        Assert.True(exitCode == ExitCodes.Success, stderr);
        Assert.Equal(FloorBody, stdout[0]);
    }

    [Fact]
    public async Task An_Event_invocation_runs_the_function_and_prints_no_response()
    {
        var (exitCode, stdout, stderr) = await Invoke(Paths.FloorDll, "--event", _event, "--invocation-type", "Event");

        Assert.True(exitCode == ExitCodes.Success, stderr);
        Assert.Matches(Report + @"\tInit Duration: \d+\.\d\d ms$", Assert.Single(stdout));
        Assert.Contains("202 with no body", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_over_6_MB_fails_the_invocation_as_Lambda_does()
    {
        using var script = ScriptFunction.Create("""next; big=$(head -c 6300000 /dev/zero | tr '\0' a); respond "\"$big\""; exec sleep 60""");

        var (exitCode, stdout, stderr) = await Invoke(script.Path, "--event", _event);

        Assert.Equal(ExitCodes.FunctionError, exitCode);
        Assert.Equal("""{"errorType":"Function.ResponseSizeTooLarge","errorMessage":"Response payload size exceeded maximum allowed payload size (6291456 bytes)."}""", stdout[0]);
        Assert.Matches(Report + @".*\tStatus: error\tError Type: Function.ResponseSizeTooLarge$", stdout[1]);
        Assert.Contains("over Lambda's limit of 6,291,456 bytes", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_that_stops_on_its_token_at_the_deadline_is_a_timeout()
    {
        // What the toolkit posts when a handler honours its cancellation token and throws at the deadline.
        using var script = ScriptFunction.Create("next; fail Lambda.Toolkit.Timeout 'The handler stopped because its cancellation token fired 500 ms before the deadline.'; exec sleep 60");

        var (exitCode, stdout, _) = await Invoke(script.Path, "--event", _event);

        Assert.Equal(ExitCodes.Timeout, exitCode);
        Assert.Matches(Report + @"\tInit Duration: \d+\.\d\d ms\tStatus: timeout$", stdout[1]);
    }

    [Fact]
    public async Task An_event_path_that_is_a_directory_says_so()
    {
        var directory = Directory.CreateTempSubdirectory("lambda-toolkit-event-").FullName;
        try
        {
            var (exitCode, _, stderr) = await Invoke(Paths.FloorDll, "--event", directory);

            Assert.Equal(ExitCodes.Usage, exitCode);
            Assert.Contains($"The event path {directory} is a directory; name a JSON file.", stderr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(directory);
        }
    }

    [Fact]
    public async Task A_function_over_its_memory_size_is_stopped_and_reported_out_of_memory()
    {
        // bash keeps a command substitution's output in its own memory: this grows its resident set past 128 MB.
        using var script = ScriptFunction.Create("""next; big=$(head -c 400000000 /dev/zero | tr '\0' a); respond '"survived"'; exec sleep 60""");

        var (exitCode, stdout, stderr) = await Invoke(script.Path, "--event", _event, "--memory", "128", "--timeout", "60");

        Assert.True(exitCode == ExitCodes.FunctionError, string.Join('\n', stdout) + stderr);
        Assert.Contains("\"errorType\":\"Runtime.OutOfMemory\"", stdout[0], StringComparison.Ordinal);
        var report = Regex.Match(stdout[1], Report + @"\tInit Duration: \d+\.\d\d ms\tStatus: error\tError Type: Runtime.OutOfMemory$");
        Assert.True(report.Success, stdout[1]);
        Assert.Equal("128", report.Groups["memory"].Value);
        Assert.InRange(int.Parse(report.Groups["used"].Value), 128, 4096);
        Assert.Contains("went over its memory size", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task By_default_Memory_Size_is_not_below_what_the_floor_uses()
    {
        var (exitCode, stdout, stderr) = await Invoke(Paths.FloorDll, "--event", _event);

        Assert.True(exitCode == ExitCodes.Success, stderr);
        var report = Regex.Match(stdout[1], Report);
        Assert.Equal("512", report.Groups["memory"].Value);
        Assert.True(int.Parse(report.Groups["used"].Value) <= 512, stdout[1]);
    }

    private static class LambdaLimitsBytes
    {
        public const int Sync = 6 * 1024 * 1024;
    }
}
