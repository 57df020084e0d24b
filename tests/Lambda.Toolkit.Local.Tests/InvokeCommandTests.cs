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
}
