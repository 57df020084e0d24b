using System.Globalization;
using System.Text;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Local.Tracing;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// <c>lambda-toolkit invoke</c>: starts the emulator and the function process, sends the event, prints
/// the function's logs, the response or error, and a REPORT line per invocation.
/// </summary>
internal static class InvokeCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var (options, problem) = InvokeOptions.Parse(args);
        if (options is null)
        {
            return await Usage.FailAsync(stderr, problem!).ConfigureAwait(false);
        }

        if (options.ShowHelp)
        {
            await stdout.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        try
        {
            return await RunAsync(options, stdout, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("[lambda-toolkit] Cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
    }

    private static async Task<int> RunAsync(InvokeOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (Directory.Exists(options.EventPath))
        {
            return await Usage.FailAsync(stderr, $"The event path {options.EventPath} is a directory; name a JSON file.").ConfigureAwait(false);
        }

        byte[] payload;
        try
        {
            payload = await ReadEventAsync(options.EventPath, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await Usage.FailAsync(stderr, $"The event file {options.EventPath} cannot be read: {ex.Message}").ConfigureAwait(false);
        }

        if (payload.Length > options.MaxPayloadBytes)
        {
            return await Usage.FailOneLineAsync(stderr, string.Create(CultureInfo.InvariantCulture, $"The event is {payload.Length:N0} bytes; Lambda accepts at most {options.MaxPayloadBytes:N0} bytes for {(options.IsEvent ? "an asynchronous (Event)" : "a synchronous (RequestResponse)")} invocation.")).ConfigureAwait(false);
        }

        var output = TextWriter.Synchronized(stdout);
        var errors = TextWriter.Synchronized(stderr);
        var name = options.FunctionName;
        await using var emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = name, Timeout = options.Timeout }, cancellationToken).ConfigureAwait(false);
        var processOptions = new FunctionProcessOptions
        {
            Target = options.Function,
            MemorySizeMb = options.MemorySizeMb,
            EnforceMemoryLimit = true,
            OnOutput = output.WriteLine,
            OnError = errors.WriteLine,
            OnStatus = status => errors.WriteLine($"[lambda-toolkit] {status}"),
        };
        foreach (var (key, value) in options.Environment)
        {
            processOptions.Environment[key] = value;
        }

        await using var trace = options.Trace ? LocalTrace.Start(options.Environment) : null;
        if (trace?.DaemonAddress is { } daemon)
        {
            processOptions.Environment["AWS_XRAY_DAEMON_ADDRESS"] = daemon;
        }

        FunctionProcess function;
        try
        {
            function = await FunctionProcess.StartAsync(emulator, processOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (FunctionProcessException ex)
        {
            await errors.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ExitCodes.ProcessFailed;
        }

        await using (function.ConfigureAwait(false))
        {
            var exitCode = ExitCodes.Success;
            for (var i = 0; i < options.Count && exitCode == ExitCodes.Success; i++)
            {
                exitCode = await InvokeOnceAsync(emulator, function, payload, options, output, errors, cold: i == 0, trace, name, cancellationToken).ConfigureAwait(false);
            }

            if (exitCode is ExitCodes.Success or ExitCodes.FunctionError)
            {
                // Let the function run its shutdown hooks, as Lambda does when it retires an environment.
                await function.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }

            return exitCode;
        }
    }

    private static async Task<int> InvokeOnceAsync(RuntimeApiEmulator emulator, FunctionProcess function, byte[] payload, InvokeOptions options, TextWriter output, TextWriter errors, bool cold, LocalTrace? trace, string name, CancellationToken cancellationToken)
    {
        var traced = trace?.Next(requestId: null);
        var invocation = emulator.InvokeAsync(payload, traced?.Invocation, cancellationToken);
        if (cold && !await InitEndsInTimeAsync(emulator, function, invocation, options.InitTimeout, cancellationToken).ConfigureAwait(false))
        {
            var waited = DateTimeOffset.UtcNow - function.StartedAt;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"INIT_REPORT Init Duration: {waited.TotalMilliseconds:0.00} ms\tPhase: init\tStatus: timeout")).ConfigureAwait(false);
            await errors.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The function did not ask for an event (GET /2018-06-01/runtime/invocation/next) within {options.InitTimeout.TotalSeconds:0.##} seconds of starting; raise --init-timeout if its init is legitimately slow.")).ConfigureAwait(false);
            return ExitCodes.Timeout;
        }

        var first = await Task.WhenAny(invocation, function.Exited).ConfigureAwait(false);
        if (first != invocation)
        {
            // The process ended; an init error it posted just before may still be arriving.
            await Task.WhenAny(invocation, Task.Delay(TimeSpan.FromSeconds(1), cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (!invocation.IsCompleted)
            {
                return await ProcessExitedAsync(function, errors).ConfigureAwait(false);
            }
        }

        var result = await invocation.ConfigureAwait(false);
        if (result.Status == EmulatedInvocationStatus.InitError)
        {
            await output.WriteLineAsync(result.BodyText).ConfigureAwait(false);
            var init = function.InitDuration ?? DateTimeOffset.UtcNow - function.StartedAt;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"INIT_REPORT Init Duration: {init.TotalMilliseconds:0.00} ms\tPhase: init\tStatus: error\tError Type: {result.ErrorType}")).ConfigureAwait(false);
            return ExitCodes.InitError;
        }

        if (result.ErrorType == Outcome.ExitError)
        {
            return await ProcessExitedAsync(function, errors).ConfigureAwait(false);
        }

        var outcome = Outcome.Of(result);
        if (outcome.Message is { } message)
        {
            await errors.WriteLineAsync("[lambda-toolkit] " + message).ConfigureAwait(false);
        }

        if (options.IsEvent)
        {
            await errors.WriteLineAsync("[lambda-toolkit] Event invocation: Lambda answers 202 with no body; the function's response is not returned.").ConfigureAwait(false);
        }
        else
        {
            await output.WriteLineAsync(outcome.Body ?? result.BodyText).ConfigureAwait(false);
        }

        await output.WriteLineAsync(ReportLine.Format(result.RequestId, result.Duration, options.MemorySizeMb, function.PeakMemoryBytes, cold ? function.InitDuration : null, outcome.Status, outcome.ErrorType)).ConfigureAwait(false);
        if (traced is not null)
        {
            await trace!.WriteAsync(traced, name, result.Duration, output).ConfigureAwait(false);
        }

        return outcome.ExitCode;
    }

    private static async Task<int> ProcessExitedAsync(FunctionProcess function, TextWriter errors)
    {
        await errors.WriteLineAsync($"The function process exited with code {await function.Exited.ConfigureAwait(false)} before answering.").ConfigureAwait(false);
        var tail = function.StandardErrorTail;
        if (tail.Length > 0)
        {
            await errors.WriteLineAsync("Its last stderr lines:" + Environment.NewLine + tail).ConfigureAwait(false);
        }

        return ExitCodes.ProcessFailed;
    }

    /// <summary>
    /// Waits for the end of init: the first <c>invocation/next</c>, an init error, the process's exit (all
    /// handled by the caller), or <paramref name="limit"/>. <see langword="false"/> when the limit came first.
    /// </summary>
    private static async Task<bool> InitEndsInTimeAsync(RuntimeApiEmulator emulator, FunctionProcess function, Task invocation, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var expired = Task.Delay(limit, timer.Token);
        var ended = await Task.WhenAny(emulator.FirstNextRequested, emulator.InitError, function.Exited, invocation, expired).ConfigureAwait(false);
        await timer.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return ended != expired;
    }

    private static async Task<byte[]> ReadEventAsync(string path, CancellationToken cancellationToken)
    {
        byte[] bytes;
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            await Console.OpenStandardInput().CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }
        else
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }

        return EventReader.TrimByteOrderMark(bytes).ToArray();
    }

    /// <summary>The function name Lambda would show for a target: its project or file name.</summary>
    internal static string FunctionName(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar);
        var name = Directory.Exists(full) ? Path.GetFileName(full) : Path.GetFileNameWithoutExtension(full);
        return string.IsNullOrEmpty(name) ? "local-function" : name;
    }
}
