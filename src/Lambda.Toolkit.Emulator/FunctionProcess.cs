using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Lambda.Toolkit.Emulator;

/// <summary>
/// A function running as its own process against a <see cref="RuntimeApiEmulator"/>, with the environment
/// Lambda gives a function. It measures what Lambda's REPORT line shows: init duration (process start to
/// the first <c>invocation/next</c>) and peak memory (the process's high-water resident set, sampled after
/// every invocation, whenever <see cref="PeakMemoryBytes"/> is read, and before the process is stopped).
/// </summary>
public sealed class FunctionProcess : IAsyncDisposable
{
    private const int TailLines = 40;
    private readonly Process _process;
    private readonly RuntimeApiEmulator _emulator;
    private readonly Queue<string> _stderrTail = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _processGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<DateTimeOffset> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _sampling = new();
    private long _peakMemoryBytes;
    private int _memoryLimitExceeded;

    private FunctionProcess(Process process, RuntimeApiEmulator emulator, string targetPath)
    {
        _process = process;
        _emulator = emulator;
        TargetPath = targetPath;
    }

    /// <summary>
    /// The file that was started: the built or given <c>.dll</c>, or the executable. Start a replacement process from
    /// it (as <see cref="FunctionProcessOptions.Target"/>) to skip the build.
    /// </summary>
    public string TargetPath { get; }

    /// <summary>
    /// Whether the process was killed because its resident memory went over <see cref="FunctionProcessOptions.MemorySizeMb"/>
    /// (only when <see cref="FunctionProcessOptions.EnforceMemoryLimit"/> is set).
    /// </summary>
    internal bool MemoryLimitExceeded => Volatile.Read(ref _memoryLimitExceeded) != 0;

    /// <summary>When the process was started, on the emulator's clock (<see cref="RuntimeApiEmulatorOptions.TimeProvider"/>).</summary>
    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>Completes with the exit code when the process exits.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>From process start to the first <c>invocation/next</c>, once the function has asked for an event.</summary>
    /// <remarks>Measured from this process's own start, also when an emulator outlives several processes.</remarks>
    public TimeSpan? InitDuration => _firstNext.Task.IsCompletedSuccessfully ? _firstNext.Task.Result - StartedAt : null;

    /// <summary>The highest resident memory seen so far, in bytes (Linux <c>VmHWM</c>); 0 where it cannot be read.</summary>
    public long PeakMemoryBytes
    {
        get
        {
            SamplePeakMemory();
            return Interlocked.Read(ref _peakMemoryBytes);
        }
    }

    /// <summary>The last lines the process wrote to stderr.</summary>
    public string StandardErrorTail
    {
        get
        {
            lock (_stderrTail)
            {
                return string.Join(Environment.NewLine, _stderrTail);
            }
        }
    }

    /// <summary>Resolves the target (building a project first), then starts it pointed at <paramref name="emulator"/>.</summary>
    /// <param name="emulator">The Runtime API the function talks to.</param>
    /// <param name="options">The function and its environment.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The running process.</returns>
    /// <exception cref="FunctionProcessException">The target does not exist or its build failed.</exception>
    public static async Task<FunctionProcess> StartAsync(RuntimeApiEmulator emulator, FunctionProcessOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emulator);
        ArgumentNullException.ThrowIfNull(options);
        var (fileName, arguments, directory) = await ResolveAsync(options, cancellationToken).ConfigureAwait(false);

        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var env = start.Environment;
        var name = emulator.Options.FunctionName;
        env["AWS_LAMBDA_RUNTIME_API"] = emulator.RuntimeApiAddress;
        env["AWS_LAMBDA_FUNCTION_NAME"] = name;
        env["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = options.MemorySizeMb.ToString(CultureInfo.InvariantCulture);
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + name;
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{emulator.Options.TimeProvider.GetUtcNow():yyyy/MM/dd}/[$LATEST]{Guid.NewGuid():N}";
        env["AWS_REGION"] = emulator.Options.Region;
        env["AWS_DEFAULT_REGION"] = emulator.Options.Region;
        env["AWS_EXECUTION_ENV"] = "AWS_Lambda_dotnet_lambda_toolkit_local";
        env["_HANDLER"] = HandlerName(fileName, arguments);
        env["LAMBDA_TASK_ROOT"] = directory;
        env["LAMBDA_RUNTIME_DIR"] = directory;
        env["TZ"] = ":UTC";
        foreach (var (key, value) in options.Environment)
        {
            env[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        options.OnStatus?.Invoke($"Starting {fileName} {string.Join(' ', arguments)}");
        var function = new FunctionProcess(process, emulator, fileName == "dotnet" && arguments.Length > 0 ? arguments[0] : fileName);
        emulator.NextRequested += function.OnNextRequested;
        emulator.InvocationCompleted += function.OnInvocationCompleted;
        function.StartedAt = emulator.Options.TimeProvider.GetUtcNow();
        try
        {
            if (!process.Start())
            {
                throw new FunctionProcessException($"The function process {fileName} could not be started.");
            }
        }
        catch (Exception ex) when (ex is FunctionProcessException or System.ComponentModel.Win32Exception)
        {
            function.Unsubscribe();
            process.Dispose();
            throw ex as FunctionProcessException ?? new FunctionProcessException($"The function process {fileName} could not be started: {ex.Message}", ex);
        }

        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                options.OnOutput?.Invoke(e.Data);
            }
            else
            {
                function._stdoutClosed.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                function._stderrClosed.TrySetResult();
                return;
            }

            lock (function._stderrTail)
            {
                function._stderrTail.Enqueue(e.Data);
                if (function._stderrTail.Count > TailLines)
                {
                    function._stderrTail.Dequeue();
                }
            }

            options.OnError?.Invoke(e.Data);
        };
        process.Exited += (_, _) => function.OnExited();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (process.HasExited)
        {
            function.OnExited();
        }
        else if (options.EnforceMemoryLimit)
        {
            _ = function.EnforceMemoryLimitAsync(options.MemorySizeMb * 1024L * 1024L);
        }

        return function;
    }

    /// <summary>
    /// Sends SIGTERM (as Lambda does at shutdown) and waits up to <paramref name="grace"/> before killing the process.
    /// Processes it started that outlive it are killed too.
    /// </summary>
    /// <param name="grace">How long the function may take to run its shutdown hooks.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        SamplePeakMemory();
        if (!_processGone.Task.IsCompleted)
        {
            var descendants = Descendants(_process.Id);
            using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
            {
                if (kill is not null)
                {
                    await kill.WaitForExitAsync().ConfigureAwait(false);
                }
            }

            try
            {
                await _processGone.Task.WaitAsync(grace, _emulator.Options.TimeProvider).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                KillTree();
            }

            foreach (var descendant in descendants)
            {
                using (descendant)
                {
                    try
                    {
                        descendant.Kill(entireProcessTree: true);
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
                    {
                        // Already gone.
                    }
                }
            }
        }

        return await Exited.ConfigureAwait(false);
    }

    /// <summary>The processes below <paramref name="root"/>, read from <c>/proc</c> (Linux); empty elsewhere.</summary>
    private static List<Process> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        try
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                {
                    continue;
                }

                try
                {
                    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
                    var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                    var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    parents[pid] = int.Parse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
                {
                    // It exited meanwhile.
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var found = new List<Process>();
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var parent))
        {
            foreach (var (pid, ppid) in parents)
            {
                if (ppid != parent)
                {
                    continue;
                }

                queue.Enqueue(pid);
                try
                {
                    found.Add(Process.GetProcessById(pid));
                }
                catch (ArgumentException)
                {
                    // It exited meanwhile.
                }
            }
        }

        return found;
    }

    private void KillTree()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It exited meanwhile.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Unsubscribe();
        await _sampling.CancelAsync().ConfigureAwait(false);
        SamplePeakMemory();
        if (!_processGone.Task.IsCompleted)
        {
            KillTree();
        }

        await Exited.ConfigureAwait(false);

        // Its last invocation/next must not take an event meant for a process started after this one.
        await _emulator.WhenNextRequestsEndedAsync(_emulator.Options.TimeProvider.GetUtcNow(), TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        _process.Dispose();
        _sampling.Dispose();
    }

    /// <summary>
    /// The <c>_HANDLER</c> value: for an executable assembly run with <c>dotnet</c>, the assembly's name (as the
    /// managed runtime sets it); for a native executable, its file name (<c>bootstrap</c>).
    /// </summary>
    internal static string HandlerName(string fileName, IReadOnlyList<string> arguments) =>
        arguments.Count > 0 && arguments[0].EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? Path.GetFileNameWithoutExtension(arguments[0])
            : Path.GetFileName(fileName);

    private void OnNextRequested(DateTimeOffset at)
    {
        if (at >= StartedAt)
        {
            _firstNext.TrySetResult(at);
        }
    }

    private void OnInvocationCompleted(EmulatedInvocationResult result) => SamplePeakMemory();

    private void Unsubscribe()
    {
        _emulator.NextRequested -= OnNextRequested;
        _emulator.InvocationCompleted -= OnInvocationCompleted;
    }

    private void OnExited()
    {
        _processGone.TrySetResult();

        // Drain the redirected output, but not forever: a child the function started may hold the pipes open.
        Task.WaitAll([_stdoutClosed.Task, _stderrClosed.Task], TimeSpan.FromSeconds(5));
        int exitCode;
        try
        {
            exitCode = _process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            exitCode = -1;
        }

        // As Lambda does when a runtime dies mid-invocation: the invocation it held ends with the runtime's error.
        if (MemoryLimitExceeded)
        {
            _emulator.FailInFlight("Runtime.OutOfMemory", "Runtime exited with error: signal: killed");
        }
        else
        {
            _emulator.FailInFlight("Runtime.ExitError", exitCode > 128 ? string.Create(CultureInfo.InvariantCulture, $"Runtime exited with error: signal {exitCode - 128}") : string.Create(CultureInfo.InvariantCulture, $"Runtime exited with error: exit status {exitCode}"));
        }

        _exited.TrySetResult(exitCode);
    }

    /// <summary>
    /// Samples the resident set (<c>VmRSS</c>) every 50 ms and kills the process, as Lambda's out-of-memory handling
    /// does, once it is over <paramref name="limitBytes"/>.
    /// </summary>
    private async Task EnforceMemoryLimitAsync(long limitBytes)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            while (await timer.WaitForNextTickAsync(_sampling.Token).ConfigureAwait(false) && !_exited.Task.IsCompleted)
            {
                if (ReadStatusKb("VmRSS:") * 1024 <= limitBytes)
                {
                    continue;
                }

                SamplePeakMemory();
                Interlocked.Exchange(ref _memoryLimitExceeded, 1);
                KillTree();
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed.
        }
    }

    /// <summary>A <c>kB</c> field of <c>/proc/&lt;pid&gt;/status</c>; 0 when it cannot be read.</summary>
    private long ReadStatusKb(string field)
    {
        try
        {
            if (_process.HasExited)
            {
                return 0; // its pid may already belong to another process
            }

            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(field.Length).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            // The process has exited or /proc is not available.
        }

        return 0;
    }

    private void SamplePeakMemory()
    {
        var bytes = ReadStatusKb("VmHWM:") * 1024;
        long seen;
        while ((seen = Interlocked.Read(ref _peakMemoryBytes)) < bytes && Interlocked.CompareExchange(ref _peakMemoryBytes, bytes, seen) != seen)
        {
        }
    }

    private static async Task<(string FileName, string[] Arguments, string Directory)> ResolveAsync(FunctionProcessOptions options, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(options.Target);
        if (Directory.Exists(target))
        {
            var projects = Directory.GetFiles(target, "*.csproj");
            target = projects.Length == 1
                ? projects[0]
                : throw new FunctionProcessException(projects.Length == 0
                    ? $"{options.Target} is a directory without a .csproj."
                    : $"{options.Target} holds several projects; name the .csproj.");
        }
        else if (!File.Exists(target))
        {
            throw new FunctionProcessException($"{options.Target} does not exist.");
        }

        if (target.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase))
        {
            target = await BuildAsync(target, options, cancellationToken).ConfigureAwait(false);
        }

        var directory = Path.GetDirectoryName(target)!;
        return target.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? ("dotnet", [target], directory)
            : (target, [], directory);
    }

    private static async Task<string> BuildAsync(string project, FunctionProcessOptions options, CancellationToken cancellationToken)
    {
        options.OnStatus?.Invoke($"Building {project} ({options.Configuration})");
        var (exit, output) = await RunAsync("dotnet", ["build", project, "-c", options.Configuration, "--nologo", "-v", "q", "-clp:NoSummary;ErrorsOnly", "-t:Build", "-getProperty:TargetPath"], cancellationToken).ConfigureAwait(false);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (exit != 0 || lines.Length == 0 || !File.Exists(lines[^1]))
        {
            throw new FunctionProcessException($"Building {project} failed (exit code {exit}):{Environment.NewLine}{output.Trim()}");
        }

        return lines[^1];
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new FunctionProcessException($"{fileName} could not be started.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped (Ctrl+C, SIGTERM): the build must not outlive the tool.
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
