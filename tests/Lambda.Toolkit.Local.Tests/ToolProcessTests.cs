using System.Diagnostics;

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
            Assert.Matches(@"^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: \d+\.\d\d ms$", lines[1]);
            Assert.Contains("[lambda-toolkit] Starting dotnet ", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(eventFile);
        }
    }
}
