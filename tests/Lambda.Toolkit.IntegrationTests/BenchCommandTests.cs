using Lambda.Toolkit.Local;
using Lambda.Toolkit.Local.Commands;

namespace Lambda.Toolkit.IntegrationTests;

/// <summary><c>lambda-toolkit bench</c> on the floor function against the HelloWorld sample, briefly.</summary>
public class BenchCommandTests
{
    [Fact]
    public async Task Prints_cold_and_warm_tables_and_ratios_for_two_functions()
    {
        var floor = Directory.GetFiles(Repository.Path("benchmarks", "Lambda.Toolkit.Floor", "bin"), "bootstrap.dll", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}linux-x64{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exitCode = await BenchCommand.RunAsync([floor, Repository.Path("samples", "HelloWorld"), "--event", Repository.Path("samples", "HelloWorld", "events", "hello.json"), "--runs", "2", "--warm", "30"], stdout, stderr, CancellationToken.None)
            .WaitAsync(TimeSpan.FromMinutes(5));

        var output = stdout.ToString();
        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.Contains("| init ms | first response ms | CPU ms | peak memory MB |", output);
        Assert.Contains("| invocations/s | p50 ms | p99 ms |", output);
        Assert.Matches(@"Ratios B/A: init \d+\.\d\dx, first response \d+\.\d\dx, CPU \d+\.\d\dx, peak memory \d+\.\d\dx, warm throughput \d+\.\d\dx, p99 \d+\.\d\dx", output);
        Assert.Equal(4, stderr.ToString().Split('\n').Count(l => l.StartsWith("[bench] run", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_an_event_it_is_a_usage_error()
    {
        var stderr = new StringWriter();

        var exitCode = await BenchCommand.RunAsync(["some-function"], new StringWriter(), stderr, CancellationToken.None);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--event", stderr.ToString());
    }
}
