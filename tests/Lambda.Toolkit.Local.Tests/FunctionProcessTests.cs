using System.Diagnostics;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.Local.Tests;

/// <summary>The function-process runner: targets, the Lambda environment, measurements, output and lifetime.</summary>
public sealed class FunctionProcessTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly byte[] FloorResponse = """{"statusCode":200,"headers":{"Content-Type":"application/json; charset=utf-8"},"body":"{\"id\":42,\"status\":\"shipped\"}","isBase64Encoded":false}"""u8.ToArray();
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];
    private RuntimeApiEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = "floor", Region = "eu-west-1" });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private FunctionProcessOptions Options(string target) => new()
    {
        Target = target,
        OnOutput = line => { lock (_stdout) { _stdout.Add(line); } },
        OnError = line => { lock (_stderr) { _stderr.Add(line); } },
    };

    private string[] Stdout()
    {
        lock (_stdout)
        {
            return [.. _stdout];
        }
    }

    private string[] Stderr()
    {
        lock (_stderr)
        {
            return [.. _stderr];
        }
    }

    [Theory]
    [InlineData("dll")]
    [InlineData("executable")]
    public async Task Runs_the_floor_and_measures_init_and_peak_memory(string kind)
    {
        var target = kind == "dll" ? Paths.FloorDll : Paths.FloorExecutable;
        await using var function = await FunctionProcess.StartAsync(_emulator, Options(target));

        var first = await _emulator.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait);
        var second = await _emulator.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait);

        Assert.True(first.IsSuccess, first.BodyText);
        Assert.Equal(FloorResponse, first.Body.ToArray());
        Assert.True(second.IsSuccess, second.BodyText);
        var init = Assert.NotNull(function.InitDuration);
        Assert.InRange(init, TimeSpan.FromTicks(1), first.DispatchedAt!.Value - function.StartedAt);
        Assert.InRange(function.PeakMemoryBytes, 4L * 1024 * 1024, 1024L * 1024 * 1024);
        Assert.False(function.Exited.IsCompleted);
    }

    [Fact]
    public async Task Init_duration_is_measured_from_each_process_own_start()
    {
        await using (var earlier = await FunctionProcess.StartAsync(_emulator, Options(Paths.FloorDll)))
        {
            Assert.True((await _emulator.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait)).IsSuccess);
        }

        await using var later = await FunctionProcess.StartAsync(_emulator, Options(Paths.FloorDll));
        var result = await _emulator.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait);

        Assert.True(result.IsSuccess);
        var init = Assert.NotNull(later.InitDuration);
        Assert.InRange(init, TimeSpan.FromTicks(1), result.DispatchedAt!.Value - later.StartedAt);
    }

    [Fact]
    public async Task A_project_directory_is_built_then_run()
    {
        var status = new List<string>();
        var options = Options(Paths.FloorProject);
        options.OnStatus = status.Add;
        await using var function = await FunctionProcess.StartAsync(_emulator, options).WaitAsync(TimeSpan.FromMinutes(3));

        var result = await _emulator.InvokeAsync("{}"u8.ToArray()).WaitAsync(Wait);

        Assert.True(result.IsSuccess, result.BodyText);
        Assert.Contains(status, s => s.StartsWith("Building ", StringComparison.Ordinal) && s.Contains("Lambda.Toolkit.Floor.csproj", StringComparison.Ordinal));
        Assert.Contains(status, s => s.StartsWith("Starting ", StringComparison.Ordinal) && s.Contains(Path.Combine("bin", "Release", "net10.0", "bootstrap"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_function_gets_the_Lambda_environment_and_the_caller_variables()
    {
        using var script = ScriptFunction.Create("env; exit 0");
        var options = Options(script.Path);
        options.MemorySizeMb = 512;
        options.Environment["GREETING"] = "hello";
        options.Environment["AWS_REGION"] = "ap-south-1";
        await using var function = await FunctionProcess.StartAsync(_emulator, options);

        Assert.Equal(0, await function.Exited.WaitAsync(Wait));
        var env = Stdout().Where(l => l.Contains('=', StringComparison.Ordinal)).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(_emulator.RuntimeApiAddress, env["AWS_LAMBDA_RUNTIME_API"]);
        Assert.Equal("floor", env["AWS_LAMBDA_FUNCTION_NAME"]);
        Assert.Equal("$LATEST", env["AWS_LAMBDA_FUNCTION_VERSION"]);
        Assert.Equal("512", env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"]);
        Assert.Equal("/aws/lambda/floor", env["AWS_LAMBDA_LOG_GROUP_NAME"]);
        Assert.Matches(@"^\d{4}/\d{2}/\d{2}/\[\$LATEST\][0-9a-f]{32}$", env["AWS_LAMBDA_LOG_STREAM_NAME"]);
        Assert.Equal("ap-south-1", env["AWS_REGION"]);
        Assert.Equal("eu-west-1", env["AWS_DEFAULT_REGION"]);
        Assert.StartsWith("AWS_Lambda_", env["AWS_EXECUTION_ENV"], StringComparison.Ordinal);
        Assert.Equal("bootstrap", env["_HANDLER"]);
        Assert.Equal(Path.GetDirectoryName(script.Path), env["LAMBDA_TASK_ROOT"]);
        Assert.Equal("hello", env["GREETING"]);
    }

    [Fact]
    public async Task Stderr_and_the_exit_code_of_a_crashing_function_are_kept()
    {
        using var script = ScriptFunction.Create("echo starting; echo 'config missing' >&2; echo 'fatal: boom' >&2; exit 7");
        await using var function = await FunctionProcess.StartAsync(_emulator, Options(script.Path));

        var exitCode = await function.Exited.WaitAsync(Wait);

        Assert.Equal(7, exitCode);
        Assert.Equal(["starting"], Stdout());
        Assert.Equal(["config missing", "fatal: boom"], Stderr());
        Assert.Equal("config missing" + Environment.NewLine + "fatal: boom", function.StandardErrorTail);
        Assert.Null(function.InitDuration);
    }

    [Fact]
    public async Task StopAsync_sends_SIGTERM_first()
    {
        using var script = ScriptFunction.Create("trap 'echo got SIGTERM; exit 0' TERM; echo ready; while :; do sleep 0.05; done");
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options(script.Path);
        options.OnOutput = line =>
        {
            lock (_stdout)
            {
                _stdout.Add(line);
            }

            if (line == "ready")
            {
                ready.TrySetResult();
            }
        };
        await using var function = await FunctionProcess.StartAsync(_emulator, options);
        await ready.Task.WaitAsync(Wait);

        var exitCode = await function.StopAsync(TimeSpan.FromSeconds(20)).WaitAsync(Wait);

        Assert.Equal(0, exitCode);
        Assert.Contains("got SIGTERM", Stdout());
    }

    [Fact]
    public async Task Dispose_kills_the_whole_process_tree()
    {
        using var script = ScriptFunction.Create("sleep 300 & echo \"child $!\"; wait");
        var child = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options(script.Path);
        options.OnOutput = line =>
        {
            if (line.StartsWith("child ", StringComparison.Ordinal))
            {
                child.TrySetResult(int.Parse(line[6..]));
            }
        };
        var function = await FunctionProcess.StartAsync(_emulator, options);
        var childId = await child.Task.WaitAsync(Wait);
        Assert.True(IsRunning(childId));

        await function.DisposeAsync();

        Assert.True(function.Exited.IsCompleted);
        var deadline = Stopwatch.StartNew();
        while (IsRunning(childId) && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(20); // SIGKILL is asynchronous: poll, bounded
        }

        Assert.False(IsRunning(childId));
    }

    [Fact]
    public async Task A_missing_target_is_a_clear_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-function-" + Guid.NewGuid().ToString("N"));

        var ex = await Assert.ThrowsAsync<FunctionProcessException>(() => FunctionProcess.StartAsync(_emulator, Options(missing)));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_without_a_project_is_a_clear_error()
    {
        var directory = Directory.CreateTempSubdirectory("lambda-toolkit-empty-");
        try
        {
            var ex = await Assert.ThrowsAsync<FunctionProcessException>(() => FunctionProcess.StartAsync(_emulator, Options(directory.FullName)));

            Assert.Contains("without a .csproj", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_file_that_cannot_be_executed_is_a_clear_error()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "not a program");
        try
        {
            var ex = await Assert.ThrowsAsync<FunctionProcessException>(() => FunctionProcess.StartAsync(_emulator, Options(file)));

            Assert.Contains("could not be started", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_project_that_does_not_compile_is_a_build_error_with_the_compiler_message()
    {
        using var project = BrokenProject.Create();

        var ex = await Assert.ThrowsAsync<FunctionProcessException>(() => FunctionProcess.StartAsync(_emulator, Options(project.Directory))).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Contains("Building ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("failed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CS1002", ex.Message, StringComparison.Ordinal);
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            // A killed child may linger as a zombie until its reaper collects it; a zombie runs nothing.
            var state = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("State:", StringComparison.Ordinal));
            return state is not null && !state.Contains("zombie", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
