using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Local.Tracing;
using Lambda.Toolkit.Testing;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// A function that keeps running across invocations, one process at a time, as one execution environment does
/// (<c>serve</c>, <c>poll</c>). When its process dies, the invocation it held ends with Lambda's
/// <c>Runtime.ExitError</c> (or <c>Runtime.OutOfMemory</c>), and the next invocation starts a new process, whose
/// first REPORT line carries its Init Duration, as Lambda starts a new execution environment. With a
/// <see cref="LocalTrace"/>, every invocation is sampled and its trace tree follows its REPORT line. <c>simulate</c>
/// runs on it too (<see cref="Simulation.ProcessFunctionInvoker"/>), retiring an environment after a timeout.
/// </summary>
internal sealed class LocalFunction(RuntimeApiEmulator emulator, string target, int memorySizeMb, TextWriter output, TextWriter errors, IReadOnlyDictionary<string, string?>? environment = null, LocalTrace? trace = null) : IAsyncDisposable
{
    private FunctionProcess? _process;
    private string _target = target;
    private bool _cold;

    /// <summary>How many processes (execution environments) were started.</summary>
    public int Environments { get; private set; }

    /// <summary>The last lines the current (or last) process wrote to stderr, for an error message; empty when none.</summary>
    public string StandardErrorTail => _process?.StandardErrorTail ?? string.Empty;

    /// <summary>Builds (for a project) and starts the first process.</summary>
    /// <exception cref="FunctionProcessException">The target does not exist, its build failed, or it could not be started.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = new FunctionProcessOptions
        {
            Target = _target,
            MemorySizeMb = memorySizeMb,
            EnforceMemoryLimit = true,
            OnOutput = output.WriteLine,
            OnError = errors.WriteLine,
            OnStatus = status => errors.WriteLine($"[lambda-toolkit] {status}"),
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            options.Environment[key] = value;
        }

        if (trace?.DaemonAddress is { } daemon)
        {
            options.Environment["AWS_XRAY_DAEMON_ADDRESS"] = daemon;
        }

        _process = await FunctionProcess.StartAsync(emulator, options, cancellationToken).ConfigureAwait(false);
        _target = _process.TargetPath; // a replacement skips the build
        Environments++;
        _cold = true;
    }

    /// <summary>
    /// Invokes the function once, starting a new process first when the last one has exited. Returns
    /// <see langword="null"/> when two processes in a row died before taking the event (the caller gives up on it).
    /// Call one at a time.
    /// </summary>
    public async Task<LocalInvocation?> InvokeAsync(byte[] payload, TestInvocation invocation, CancellationToken cancellationToken)
    {
        var process = await RunningAsync(cancellationToken).ConfigureAwait(false);
        var traced = trace?.Next(invocation.RequestId);
        var pending = emulator.InvokeAsync(payload, traced?.Invocation ?? invocation, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            if (await Task.WhenAny(pending, process.Exited).ConfigureAwait(false) == pending)
            {
                break;
            }

            // An invocation in flight has ended already (Runtime.ExitError); an init error may still be arriving.
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false);
            if (pending.IsCompleted)
            {
                break;
            }

            if (attempt == 1)
            {
                await errors.WriteLineAsync("[lambda-toolkit] The function process exited twice before taking the event.").ConfigureAwait(false);
                return null;
            }

            process = await RunningAsync(cancellationToken).ConfigureAwait(false);
        }

        var result = await pending.ConfigureAwait(false);
        var outcome = Outcome.Of(result);
        var cold = _cold;
        _cold = false;
        await output.WriteLineAsync(ReportLine.Format(result.RequestId, result.Duration, memorySizeMb, _process!.PeakMemoryBytes, cold ? _process.InitDuration : null, outcome.Status, outcome.ErrorType)).ConfigureAwait(false);
        if (traced is not null)
        {
            await trace!.WriteAsync(traced, emulator.Options.FunctionName, result.Duration, output).ConfigureAwait(false);
        }
        if (outcome.Message is { } message)
        {
            await errors.WriteLineAsync("[lambda-toolkit] " + message).ConfigureAwait(false);
        }

        return new LocalInvocation(result, outcome);
    }

    /// <summary>
    /// Stops the current process at once and lets the next invocation start a new one, as Lambda replaces an
    /// execution environment whose invocation timed out or whose runtime died.
    /// </summary>
    /// <param name="why">What happened to the invocation, for the log line ("timed out").</param>
    public async Task RetireAsync(string why)
    {
        if (_process is { } process)
        {
            await errors.WriteLineAsync($"[lambda-toolkit] The invocation {why}; its execution environment is replaced on the next invocation.").ConfigureAwait(false);
            await process.StopAsync(TimeSpan.Zero).ConfigureAwait(false);
            await process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }
    }

    /// <summary>Stops the process at shutdown, letting it run its shutdown hooks as Lambda does.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process && !process.Exited.IsCompleted)
        {
            await process.StopAsync(TimeSpan.FromMilliseconds(LambdaLimits.ShutdownGraceMilliseconds)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The live process, starting a new one (a cold start) when the last one has exited or was retired.</summary>
    private async Task<FunctionProcess> RunningAsync(CancellationToken cancellationToken)
    {
        if (_process is { Exited.IsCompleted: false } live)
        {
            return live;
        }

        if (_process is { } dead)
        {
            await errors.WriteLineAsync($"[lambda-toolkit] The function process exited with code {await dead.Exited.ConfigureAwait(false)}; starting a new one.").ConfigureAwait(false);
            await dead.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }

        await StartAsync(cancellationToken).ConfigureAwait(false);
        return _process!;
    }
}

/// <summary>One answered invocation of a <see cref="LocalFunction"/>: what the emulator saw and how Lambda would classify it.</summary>
internal readonly record struct LocalInvocation(EmulatedInvocationResult Result, Outcome Outcome);
