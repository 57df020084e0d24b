using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Lambda.Toolkit.Local.Tests;

/// <summary>The tool as users run it: its own process, its real console, its exit code.</summary>
public sealed class ToolProcessTests
{
    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunTool(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Paths.ToolDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public async Task Help_prints_the_usage_of_every_command(string flag)
    {
        var (exitCode, stdout, _) = await RunTool(flag);

        Assert.Equal(0, exitCode);
        Assert.Contains("lambda-toolkit invoke <function> --event <file.json>", stdout, StringComparison.Ordinal);
        Assert.Contains("lambda-toolkit serve", stdout, StringComparison.Ordinal);
        Assert.Contains("lambda-toolkit bench", stdout, StringComparison.Ordinal);
        Assert.Contains("--env KEY=VALUE", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_arguments_print_the_usage_and_fail()
    {
        var (exitCode, stdout, _) = await RunTool();

        Assert.Equal(2, exitCode);
        Assert.Contains("Usage:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_a_usage_error()
    {
        var (exitCode, _, stderr) = await RunTool("deploy");

        Assert.Equal(2, exitCode);
        Assert.Contains("Unknown command 'deploy'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_runs_the_floor_and_prints_the_response_and_REPORT_line()
    {
        var eventFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(eventFile, "{}");
        try
        {
            var (exitCode, stdout, stderr) = await RunTool("invoke", Paths.FloorDll, "--event", eventFile);

            Assert.True(exitCode == 0, stderr);
            var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("{\"statusCode\":200,", lines[0], StringComparison.Ordinal);
            Assert.Matches(@"^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 512 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms$", lines[1]);
            Assert.Contains("[lambda-toolkit] Starting dotnet ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(eventFile);
        }
    }

    [Theory]
    [InlineData("invoke", "--help")]
    [InlineData("serve", "--help")]
    [InlineData("serve", "-h")]
    [InlineData("bench", "--help")]
    [InlineData("bench", "-h")]
    public async Task Every_command_accepts_help(string command, string flag)
    {
        var (exitCode, stdout, stderr) = await RunTool(command, flag);

        Assert.True(exitCode == 0, stderr);
        Assert.Contains("lambda-toolkit serve <function>", stdout, StringComparison.Ordinal);
        Assert.Contains("143 stopped by SIGTERM", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("invoke", "TERM", 143)]
    [InlineData("invoke", "INT", 130)]
    [InlineData("serve", "TERM", 143)]
    [InlineData("serve", "INT", 130)]
    [InlineData("bench", "TERM", 143)]
    [InlineData("simulate", "TERM", 143)]
    [InlineData("simulate", "INT", 130)]
    public async Task A_signal_stops_the_command_and_its_function_process(string command, string signal, int expectedExit)
    {
        using var script = ScriptFunction.Create("""echo $$ > "${0%/*}/pid"; next; exec sleep 120""");
        var pidFile = Path.Combine(Path.GetDirectoryName(script.Path)!, "pid");
        var eventFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(eventFile, "{}");
        string[] args = command switch
        {
            "invoke" => ["invoke", script.Path, "--event", eventFile, "--timeout", "300"],
            "serve" => ["serve", script.Path, "--port", "0"],
            "simulate" => ["simulate", "sqs", script.Path, "--messages", eventFile, "--timeout", "300", "--visibility-timeout", "300"],
            _ => ["bench", script.Path, "--event", eventFile, "--runs", "1", "--warm", "0"],
        };
        using var tool = StartTool(args, out var stderr);
        try
        {
            var functionPid = await WaitForPidAsync(pidFile, tool);
            if (command == "serve")
            {
                await WaitUntilAsync(() => stderr.ToString().Contains("Serving ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            }

            await Signal(tool.Id, signal);
            var stopped = Stopwatch.StartNew();
            await tool.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));

            // "Within a second or two" on a quiet machine; a loaded one gets a generous margin.
            Assert.InRange(stopped.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
            Assert.True(tool.ExitCode == expectedExit, $"exit {tool.ExitCode}; stderr: {stderr}");
            await WaitUntilAsync(() => !IsAlive(functionPid), TimeSpan.FromSeconds(10));
        }
        finally
        {
            if (!tool.HasExited)
            {
                tool.Kill(entireProcessTree: true);
            }

            File.Delete(eventFile);
        }
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_fails_in_one_line_before_building_anything()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exitCode, _, stderr) = await RunTool("serve", Path.Combine(Paths.FloorProject, "Lambda.Toolkit.Floor.csproj"), "--port", port);

        Assert.Equal(2, exitCode);
        Assert.Equal($"Port {port} on 127.0.0.1 is already in use; stop what uses it or choose another with --port.", stderr.Trim());
    }

    private static Process StartTool(string[] args, out StringBuilder stderr)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Paths.ToolDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        stderr = errors;
        return process;
    }

    private static async Task<int> WaitForPidAsync(string pidFile, Process tool)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < until && !tool.HasExited)
        {
            if (File.Exists(pidFile) && int.TryParse((await File.ReadAllTextAsync(pidFile)).Trim(), out var pid))
            {
                return pid;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The function process never started.");
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition never came true.");
            await Task.Delay(50);
        }
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            // A zombie has exited; only its parent has not collected it yet.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') is false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static async Task Signal(int pid, string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }
}
