using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// <c>lambda-toolkit bench</c>: cold starts and warm throughput of one or two functions, run alternately
/// (A B A B ...) so a noisy machine affects both alike. Cold: N fresh processes each, time from process
/// start to the first <c>invocation/next</c> (init) and to the first response, and peak memory. Warm: M
/// back-to-back invocations on one process each, invocations per second and p50/p99 latency. With two
/// functions it prints B/A ratios. The CPU time of a cold start is the function process's (user + system, every
/// thread) when its first response arrives. <c>--timeline</c> sets <c>LAMBDA_TOOLKIT_INIT_TIMELINE=1</c> for the
/// function processes and prints the median of each init phase they report.
/// </summary>
internal static class BenchCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var targets = new List<string>();
        string? eventPath = null;
        var runs = 5;
        var warm = 200;
        var timeline = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    await stdout.WriteLineAsync(Usage.Text).ConfigureAwait(false);
                    return ExitCodes.Success;
                case "--event" or "-e" when i + 1 < args.Length:
                    eventPath = args[++i];
                    break;
                case "--runs" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1:
                    runs = r;
                    i++;
                    break;
                case "--timeline":
                    timeline = true;
                    break;
                case "--warm" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var w):
                    warm = w;
                    i++;
                    break;
                case var arg when !arg.StartsWith('-') && targets.Count < 2:
                    targets.Add(arg);
                    break;
                default:
                    return await Usage.FailAsync(stderr, $"Invalid argument '{args[i]}' (bench takes <A> [<B>] --event <file> [--runs N] [--warm M] [--timeline]).").ConfigureAwait(false);
            }
        }

        if (targets.Count == 0 || eventPath is null)
        {
            return await Usage.FailAsync(stderr, "bench needs one or two functions and --event <file>.").ConfigureAwait(false);
        }

        if (Directory.Exists(eventPath))
        {
            return await Usage.FailAsync(stderr, $"The event path {eventPath} is a directory; name a JSON file.").ConfigureAwait(false);
        }

        byte[] payload;
        try
        {
            payload = await File.ReadAllBytesAsync(eventPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await Usage.FailAsync(stderr, $"The event file {eventPath} cannot be read: {ex.Message}").ConfigureAwait(false);
        }

        payload = EventReader.TrimByteOrderMark(payload).ToArray();

        if (payload.Length > LambdaLimits.SyncPayloadBytes)
        {
            return await Usage.FailOneLineAsync(stderr, string.Create(CultureInfo.InvariantCulture, $"The event is {payload.Length:N0} bytes; Lambda accepts at most {LambdaLimits.SyncPayloadBytes:N0} bytes for a synchronous (RequestResponse) invocation.")).ConfigureAwait(false);
        }

        try
        {
            return await RunAsync(targets, payload, runs, warm, timeline, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Every emulator and process was disposed on the way out: no function process outlives the tool.
            await stderr.WriteLineAsync("[lambda-toolkit] Cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (FunctionProcessException ex)
        {
            await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.ProcessFailed;
        }
    }

    private static async Task<int> RunAsync(List<string> targets, byte[] payload, int runs, int warm, bool timeline, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var cold = targets.ConvertAll(_ => new List<ColdRun>());
        for (var run = 0; run < runs; run++)
        {
            for (var t = 0; t < targets.Count; t++)
            {
                var measured = await ColdAsync(targets[t], payload, timeline, cancellationToken).ConfigureAwait(false);
                if (measured is null)
                {
                    await stderr.WriteLineAsync($"{targets[t]} did not answer the event successfully.").ConfigureAwait(false);
                    return ExitCodes.FunctionError;
                }

                cold[t].Add(measured.Value);
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"[bench] run {run + 1} {Label(t)}: init {measured.Value.Init.TotalMilliseconds:0.0} ms, first response {measured.Value.FirstResponse.TotalMilliseconds:0.0} ms, CPU {measured.Value.Cpu.TotalMilliseconds:0.0} ms, peak {measured.Value.PeakBytes / 1048576.0:0.0} MB")).ConfigureAwait(false);
            }
        }

        var warmResults = warm > 0 ? await WarmAsync(targets, payload, warm, cancellationToken).ConfigureAwait(false) : null;

        await stdout.WriteLineAsync($"Cold start, {runs} runs each (median / min / max):").ConfigureAwait(false);
        await stdout.WriteLineAsync("| function | init ms | first response ms | CPU ms | peak memory MB |").ConfigureAwait(false);
        await stdout.WriteLineAsync("|---|---|---|---|---|").ConfigureAwait(false);
        for (var t = 0; t < targets.Count; t++)
        {
            await stdout.WriteLineAsync($"| {Label(t)}: {targets[t]} | {Stats(cold[t].Select(c => c.Init.TotalMilliseconds))} | {Stats(cold[t].Select(c => c.FirstResponse.TotalMilliseconds))} | {Stats(cold[t].Select(c => c.Cpu.TotalMilliseconds))} | {Stats(cold[t].Select(c => c.PeakBytes / 1048576.0))} |").ConfigureAwait(false);
        }

        if (warmResults is not null)
        {
            await stdout.WriteLineAsync($"Warm, {warm} invocations each:").ConfigureAwait(false);
            await stdout.WriteLineAsync("| function | invocations/s | p50 ms | p99 ms |").ConfigureAwait(false);
            await stdout.WriteLineAsync("|---|---|---|---|").ConfigureAwait(false);
            for (var t = 0; t < targets.Count; t++)
            {
                var w = warmResults[t];
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {Label(t)}: {targets[t]} | {w.PerSecond:0} | {w.P50:0.000} | {w.P99:0.000} |")).ConfigureAwait(false);
            }
        }

        if (targets.Count == 2)
        {
            static double Median(IEnumerable<double> values) => Percentile(values.ToList(), 0.5);
            var ratios = string.Create(CultureInfo.InvariantCulture, $"Ratios B/A: init {Median(cold[1].Select(c => c.Init.TotalMilliseconds)) / Median(cold[0].Select(c => c.Init.TotalMilliseconds)):0.00}x, first response {Median(cold[1].Select(c => c.FirstResponse.TotalMilliseconds)) / Median(cold[0].Select(c => c.FirstResponse.TotalMilliseconds)):0.00}x, CPU {Median(cold[1].Select(c => c.Cpu.TotalMilliseconds)) / Median(cold[0].Select(c => c.Cpu.TotalMilliseconds)):0.00}x, peak memory {Median(cold[1].Select(c => (double)c.PeakBytes)) / Median(cold[0].Select(c => (double)c.PeakBytes)):0.00}x");
            if (warmResults is not null)
            {
                ratios += string.Create(CultureInfo.InvariantCulture, $", warm throughput {warmResults[1].PerSecond / warmResults[0].PerSecond:0.00}x, p99 {warmResults[1].P99 / warmResults[0].P99:0.00}x");
            }

            await stdout.WriteLineAsync(ratios).ConfigureAwait(false);
        }

        if (timeline)
        {
            await stdout.WriteAsync(InitTimelineTable.Format([.. targets.Select((_, i) => Label(i))], cold.ConvertAll(c => (IReadOnlyList<IReadOnlyList<InitTimelinePhase>?>)c.ConvertAll(r => r.Timeline)))).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static string Label(int index) => index == 0 ? "A" : "B";

    private static async Task<ColdRun?> ColdAsync(string target, byte[] payload, bool timeline, CancellationToken cancellationToken)
    {
        await using var emulator = await RuntimeApiEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        IReadOnlyList<InitTimelinePhase>? phases = null;
        var options = new FunctionProcessOptions { Target = target };
        if (timeline)
        {
            options.Environment["LAMBDA_TOOLKIT_INIT_TIMELINE"] = "1";
            options.OnOutput = line => phases ??= InitTimelinePhase.Parse(line);
        }

        await using var process = await FunctionProcess.StartAsync(emulator, options, cancellationToken).ConfigureAwait(false);
        var result = await emulator.InvokeAsync(payload, cancellationToken: cancellationToken).WaitAsync(TimeSpan.FromMinutes(1), cancellationToken).ConfigureAwait(false);
        var cpu = ProcessCpuTime(process.Id);
        if (!result.IsSuccess)
        {
            return null;
        }

        var peak = process.PeakMemoryBytes;
        if (timeline)
        {
            // The line is written before the first invocation/next; wait for stdout to deliver it (it is read on another thread).
            for (var i = 0; i < 100 && Volatile.Read(ref phases) is null && !process.Exited.IsCompleted; i++)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }
        }

        var init = process.InitDuration ?? TimeSpan.Zero;
        return new ColdRun(init, result.CompletedAt - process.StartedAt, cpu, peak, MeasuredStartup(Volatile.Read(ref phases), init));
    }

    /// <summary>
    /// The function can only date its own start to the kernel's 10 ms clock tick, so the wall time of its
    /// <c>startup</c> phase (process start to the builder) is replaced with what the bench measured exactly: the
    /// time to the first <c>invocation/next</c> less the phases after <c>startup</c>, which end just before it.
    /// </summary>
    internal static IReadOnlyList<InitTimelinePhase>? MeasuredStartup(IReadOnlyList<InitTimelinePhase>? phases, TimeSpan init)
    {
        if (phases is not [{ Name: "startup" } startup, ..] || init <= TimeSpan.Zero)
        {
            return phases;
        }

        var after = phases.Skip(1).Sum(static p => p.WallMs);
        return [startup with { WallMs = Math.Max(0, init.TotalMilliseconds - after) }, .. phases.Skip(1)];
    }

    /// <summary>
    /// The CPU time (user + system) process <paramref name="pid"/> has used. On Linux, the sum over its threads of
    /// <c>/proc/&lt;pid&gt;/task/&lt;tid&gt;/schedstat</c> (nanoseconds; <c>/proc/&lt;pid&gt;/stat</c> counts in 10 ms
    /// clock ticks, too coarse for a cold start of a few milliseconds), which leaves out threads that have already
    /// exited; elsewhere <see cref="Process.TotalProcessorTime"/>.
    /// </summary>
    internal static TimeSpan ProcessCpuTime(int pid)
    {
        try
        {
            var tasks = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/task";
            if (Directory.Exists(tasks))
            {
                long nanoseconds = 0;
                foreach (var thread in Directory.EnumerateDirectories(tasks))
                {
                    try
                    {
                        var schedstat = File.ReadAllText(Path.Combine(thread, "schedstat"));
                        var end = schedstat.IndexOf(' ', StringComparison.Ordinal);
                        nanoseconds += long.Parse(end < 0 ? schedstat.AsSpan().Trim() : schedstat.AsSpan(0, end), NumberStyles.None, CultureInfo.InvariantCulture);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // The thread exited while being read.
                    }
                }

                return TimeSpan.FromTicks(nanoseconds / 100);
            }

            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException or ArgumentException)
        {
            // The process has exited.
            return TimeSpan.Zero;
        }
    }

    private static async Task<WarmRun[]> WarmAsync(List<string> targets, byte[] payload, int count, CancellationToken cancellationToken)
    {
        var emulators = new List<RuntimeApiEmulator>();
        var processes = new List<FunctionProcess>();
        try
        {
            foreach (var target in targets)
            {
                var emulator = await RuntimeApiEmulator.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                emulators.Add(emulator);
                processes.Add(await FunctionProcess.StartAsync(emulator, new FunctionProcessOptions { Target = target }, cancellationToken).ConfigureAwait(false));
                await emulator.InvokeAsync(payload, cancellationToken: cancellationToken).ConfigureAwait(false); // the cold one is not counted
            }

            var latencies = targets.ConvertAll(_ => new List<double>(count));
            var elapsed = new double[targets.Count];
            const int Chunk = 25;
            for (var done = 0; done < count; done += Chunk)
            {
                for (var t = 0; t < targets.Count; t++)
                {
                    var started = Stopwatch.GetTimestamp();
                    for (var i = done; i < Math.Min(count, done + Chunk); i++)
                    {
                        var one = Stopwatch.GetTimestamp();
                        await emulators[t].InvokeAsync(payload, cancellationToken: cancellationToken).ConfigureAwait(false);
                        latencies[t].Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
                    }

                    elapsed[t] += Stopwatch.GetElapsedTime(started).TotalSeconds;
                }
            }

            return [.. latencies.Select((l, t) => new WarmRun(l.Count / elapsed[t], Percentile(l, 0.5), Percentile(l, 0.99)))];
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var emulator in emulators)
            {
                await emulator.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static string Stats(IEnumerable<double> values)
    {
        var list = values.ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{Percentile(list, 0.5):0.0} / {list.Min():0.0} / {list.Max():0.0}");
    }

    private static double Percentile(List<double> values, double percentile)
    {
        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(percentile * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    private readonly record struct ColdRun(TimeSpan Init, TimeSpan FirstResponse, TimeSpan Cpu, long PeakBytes, IReadOnlyList<InitTimelinePhase>? Timeline);

    private readonly record struct WarmRun(double PerSecond, double P50, double P99);
}
