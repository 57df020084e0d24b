using Lambda.Toolkit.Testing;
using System.Diagnostics;
using System.Text;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.IntegrationTests;

/// <summary>The HelloWorld sample as a real process against the Runtime API emulator.</summary>
public sealed class HelloWorldProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private readonly List<string> _stdout = [];
    private RuntimeApiEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = "hello" });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<FunctionProcess> StartHello(Action<FunctionProcessOptions>? configure = null)
    {
        var options = new FunctionProcessOptions
        {
            Target = Repository.Path("samples", "HelloWorld", "HelloWorld.csproj"),
            OnOutput = line => { lock (_stdout) { _stdout.Add(line); } },
        };
        configure?.Invoke(options);
        return FunctionProcess.StartAsync(_emulator, options);
    }

    [Fact]
    public async Task Answers_warm_invocations_and_reports_init_and_memory()
    {
        await using var function = await StartHello(o => o.Environment["AWS_LAMBDA_LOG_FORMAT"] = "JSON");

        var first = await _emulator.InvokeAsync("""{"name":"one"}"""u8.ToArray(), new TestInvocation { RequestId = "req-1" }).WaitAsync(Wait);
        var failed = await _emulator.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait);
        var second = await _emulator.InvokeAsync("""{"name":"two"}"""u8.ToArray()).WaitAsync(Wait);

        Assert.Equal("""{"message":"Hello, one!","requestId":"req-1"}""", first.BodyText);
        Assert.Equal("HelloWorld.NameMissing", failed.ErrorType);
        Assert.Contains("Hello, two!", second.BodyText);
        Assert.NotNull(function.InitDuration);
        Assert.True(function.InitDuration > TimeSpan.Zero);
        Assert.True(function.PeakMemoryBytes > 1024 * 1024);
        lock (_stdout)
        {
            Assert.Contains(_stdout, line => line.StartsWith('{') && line.Contains("\"requestId\":\"req-1\"", StringComparison.Ordinal) && line.Contains("\"level\":\"INFO\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task SIGTERM_stops_the_process_gracefully()
    {
        await using var function = await StartHello();
        await _emulator.FirstNextRequested.WaitAsync(Wait);

        var exitCode = await function.StopAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task An_unreachable_Runtime_API_ends_the_process_with_a_clear_message()
    {
        var stderr = new StringBuilder();
        await using var function = await StartHello(o =>
        {
            o.Environment["AWS_LAMBDA_RUNTIME_API"] = "127.0.0.1:9";
            o.OnError = line => { lock (stderr) { stderr.AppendLine(line); } };
        });

        var exitCode = await function.Exited.WaitAsync(Wait);

        Assert.Equal(2, exitCode);
        lock (stderr)
        {
            Assert.Contains("The Lambda Runtime API at 127.0.0.1:9 could not be reached for invocation/next after 6 attempts", stderr.ToString());
        }
    }

    [Fact]
    public async Task Without_AWS_LAMBDA_RUNTIME_API_the_function_says_how_to_run_locally()
    {
        var built = Directory.GetFiles(Repository.Path("samples", "HelloWorld", "bin"), "bootstrap.dll", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}linux-x64{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .First();
        var start = new ProcessStartInfo("dotnet", [built]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.Environment.Remove("AWS_LAMBDA_RUNTIME_API");
        using var process = Process.Start(start)!;

        var stderr = await process.StandardError.ReadToEndAsync().WaitAsync(Wait);
        await process.WaitForExitAsync().WaitAsync(Wait);

        Assert.Equal(3, process.ExitCode);
        Assert.Single(stderr.Trim().Split('\n'));
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", stderr);
        Assert.Contains("lambda-toolkit invoke", stderr);
    }
}
