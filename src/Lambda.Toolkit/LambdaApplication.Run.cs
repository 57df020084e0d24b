using System.Runtime.InteropServices;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit;

public sealed partial class LambdaApplication
{
    /// <summary>The exit code when init fails (after it has been reported to Lambda).</summary>
    internal const int InitFailedExitCode = 1;

    /// <summary>The exit code when the Runtime API cannot be reached or fails.</summary>
    internal const int RuntimeApiFailedExitCode = 2;

    /// <summary>The exit code when the process does not run under Lambda or an emulator.</summary>
    internal const int NotUnderLambdaExitCode = 3;

    /// <summary>
    /// Runs the function: init (container, options, pipeline, init hooks), then the Runtime API loop at
    /// <see cref="LambdaEnvironment.RuntimeApi"/> (<c>AWS_LAMBDA_RUNTIME_API</c>) until Lambda shuts the process down (SIGTERM) or
    /// <paramref name="cancellationToken"/> fires. An init failure is posted to Lambda's init-error endpoint;
    /// it and a Runtime API failure end the run with a non-zero <see cref="System.Environment.ExitCode"/>.
    /// </summary>
    /// <remarks>
    /// With one loop (<see cref="LambdaRuntimeOptions.MaxConcurrency"/> 1, the default) the Runtime API calls block
    /// the thread that runs the loop, and no thread is started for them: called from <c>Main</c>, the function runs
    /// on the main thread and this method returns when it stops. To run it beside other work, start it with
    /// <see cref="Task.Run(Func{Task})"/>.
    /// </remarks>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that completes when the function stops.</returns>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        var runtimeApi = Environment.RuntimeApi;
        if (string.IsNullOrWhiteSpace(runtimeApi))
        {
            await Console.Error.WriteLineAsync(
                "AWS_LAMBDA_RUNTIME_API is not set: this program is a Lambda function. Run it on AWS Lambda, or locally with `lambda-toolkit invoke <project> --event <event.json>`.").ConfigureAwait(false);
            System.Environment.ExitCode = NotUnderLambdaExitCode;
            return;
        }

        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stopping = stopping;
        System.Environment.ExitCode = await RunCoreAsync(runtimeApi, stopping.Token).ConfigureAwait(false);
        _stopping = null;
    }

    private CancellationTokenSource? _stopping;

    private void OnSignal(PosixSignalContext context)
    {
        // Let the loop stop and the shutdown hooks run instead of the default immediate exit.
        context.Cancel = true;
        try
        {
            _stopping?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already stopped.
        }
    }

    /// <summary>Runs init and the loop against the Runtime API at <paramref name="runtimeApi"/>; returns the process exit code.</summary>
    internal async Task<int> RunCoreAsync(string runtimeApi, CancellationToken stopping)
    {
        _timeline?.Mark("application");
        var clientOptions = _services?.GetService<IOptions<LambdaRuntimeOptions>>() is { } configured ? SafeValue(configured) : new LambdaRuntimeOptions();
        var timeProvider = _services?.GetService<TimeProvider>() ?? TimeProvider.System;
        using var client = new RuntimeApiClient(runtimeApi, clientOptions, timeProvider);

        LambdaRuntimeCore core;
        try
        {
            core = await InitializeCoreAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            return await ReportInitFailureAsync(client, ex).ConfigureAwait(false);
        }

        if (Environment.IsSnapStart)
        {
            var restored = await SnapshotAndRestoreAsync(client, stopping).ConfigureAwait(false);
            if (restored != 0)
            {
                return restored;
            }
        }

        if (_timeline is { } timeline)
        {
            // The end of init: what remains before the first invocation/next request is starting the loops.
            timeline.Mark("first next");
            var logOptions = _services?.GetService<IOptions<Logging.LambdaLoggerOptions>>()?.Value;
            using var stdout = logOptions?.Output is null ? Console.OpenStandardOutput() : null;
            timeline.Write(logOptions?.Format ?? Environment.LogFormat, logOptions?.Output ?? stdout!);
        }

        var loopLogger = Logger;
        using var loopsDone = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var loops = new Task[core.Options.MaxConcurrency];
        for (var i = 0; i < loops.Length; i++)
        {
            var loop = new RuntimeLoop(client, core.Runner, core.Function, core.TimeProvider, setTraceEnvironment: loops.Length == 1, loopLogger);
            loops[i] = RunLoopAsync(loop, loopsDone);
        }

        var exitCode = 0;
        try
        {
            await Task.WhenAll(loops).ConfigureAwait(false);
        }
        catch (RuntimeApiException ex)
        {
            LogRuntimeApiFailed(Logger, ex.Message, ex.InnerException);
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            exitCode = RuntimeApiFailedExitCode;
        }
        finally
        {
            await RunShutdownHooksAsync().ConfigureAwait(false);
        }

        return exitCode;
    }

    private static async Task RunLoopAsync(RuntimeLoop loop, CancellationTokenSource loopsDone)
    {
        try
        {
            await loop.RunAsync(loopsDone.Token).ConfigureAwait(false);
        }
        catch
        {
            // One loop's fatal failure stops the others: the process is going down.
            await loopsDone.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// SnapStart: runs the before-snapshot hooks (reverse order), waits on <c>restore/next</c> while the
    /// snapshot is taken and restored, then runs the after-restore hooks (registration order).
    /// </summary>
    private async Task<int> SnapshotAndRestoreAsync(RuntimeApiClient client, CancellationToken stopping)
    {
        try
        {
            for (var i = _beforeSnapshotHooks.Count - 1; i >= 0; i--)
            {
                await _beforeSnapshotHooks[i](_services!, stopping).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            return await ReportInitFailureAsync(client, ex).ConfigureAwait(false);
        }

        try
        {
            await client.GetRestoreNextAsync(stopping).ConfigureAwait(false);
        }
        catch (RuntimeApiException ex)
        {
            LogRuntimeApiFailed(Logger, ex.Message, ex.InnerException);
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return RuntimeApiFailedExitCode;
        }

        try
        {
            foreach (var hook in _afterRestoreHooks)
            {
                await hook(_services!, stopping).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            var error = FunctionError.FromException(ex);
            LogRestoreFailed(Logger, error.ErrorType, error.ErrorMessage, ex);
            await Console.Error.WriteLineAsync($"Restore failed with {error.ErrorType}: {error.ErrorMessage}").ConfigureAwait(false);
            try
            {
                await client.PostRestoreErrorAsync(error, CancellationToken.None).ConfigureAwait(false);
            }
            catch (RuntimeApiException postFailure)
            {
                await Console.Error.WriteLineAsync(postFailure.Message).ConfigureAwait(false);
            }

            await RunShutdownHooksAsync().ConfigureAwait(false);
            return InitFailedExitCode;
        }

        return 0;
    }

    private async Task<int> ReportInitFailureAsync(RuntimeApiClient client, Exception failure)
    {
        var error = FunctionError.FromException(failure);
        LogInitFailed(Logger, error.ErrorType, error.ErrorMessage, failure);
        await Console.Error.WriteLineAsync($"Init failed with {error.ErrorType}: {error.ErrorMessage}").ConfigureAwait(false);
        try
        {
            await client.PostInitErrorAsync(error, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RuntimeApiException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
        }

        await RunShutdownHooksAsync().ConfigureAwait(false);
        return InitFailedExitCode;
    }

    private async Task RunShutdownHooksAsync()
    {
        if (_services is null)
        {
            return;
        }

        for (var i = _shutdownHooks.Count - 1; i >= 0; i--)
        {
            try
            {
                await _shutdownHooks[i](_services, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogShutdownHookFailed(Logger, ex);
            }
        }
    }

    private static LambdaRuntimeOptions SafeValue(IOptions<LambdaRuntimeOptions> options)
    {
        try
        {
            var value = options.Value;
            return value.Validate().Count == 0 ? value : new LambdaRuntimeOptions();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // Reported by init; the client still needs settings to report it with.
            return new LambdaRuntimeOptions();
        }
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Critical, Message = "Init failed with {ErrorType}: {ErrorMessage}")]
    private static partial void LogInitFailed(ILogger logger, string errorType, string errorMessage, Exception exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Critical, Message = "{Message}")]
    private static partial void LogRuntimeApiFailed(ILogger logger, string message, Exception? exception);

    [LoggerMessage(EventId = 23, Level = LogLevel.Critical, Message = "Restore failed with {ErrorType}: {ErrorMessage}")]
    private static partial void LogRestoreFailed(ILogger logger, string errorType, string errorMessage, Exception exception);

    [LoggerMessage(EventId = 22, Level = LogLevel.Error, Message = "A shutdown hook failed")]
    private static partial void LogShutdownHookFailed(ILogger logger, Exception exception);
}
