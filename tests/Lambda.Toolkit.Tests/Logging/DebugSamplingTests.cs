using Lambda.Toolkit.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Tests.Logging;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1848", Justification = "These tests exercise the logger through the ILogger extension methods users call.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1873", Justification = "These tests exercise the logger through the ILogger extension methods users call.")]
public sealed class DebugSamplingTests
{
    private static Func<double> Sequence(params double[] values)
    {
        var next = 0;
        return () => values[next++ % values.Length];
    }

    private static ValueTask DebugThenInfo(ILogger logger, InvocationContext context)
    {
        logger.LogDebug("debug of {RequestId}", context.RequestId);
        logger.LogInformation("info of {RequestId}", context.RequestId);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Both_features_are_off_by_default_and_the_level_filter_suppresses_debug()
    {
        ILogger? seen = null;
        await using var capture = await LogCapture.StartAsync((logger, context) =>
        {
            seen = logger;
            return DebugThenInfo(logger, context);
        });
        await capture.InvokeAsync();

        Assert.Equal(["info of req-1"], capture.Messages);
        Assert.False(seen!.IsEnabled(LogLevel.Debug));
    }

    [Fact]
    public async Task A_sampled_invocation_logs_debug_and_the_decision_is_made_once_per_invocation()
    {
        await using var capture = await LogCapture.StartAsync(
            (logger, context) =>
            {
                logger.LogDebug("first debug of {RequestId}", context.RequestId);
                return DebugThenInfo(logger, context);
            },
            o =>
            {
                o.DebugSampleRate = 0.5;
                o.Random = Sequence(0.2, 0.9, 0.49);
            });

        await capture.InvokeAsync("req-1");
        await capture.InvokeAsync("req-2");
        await capture.InvokeAsync("req-3");

        Assert.Equal(
            ["first debug of req-1", "debug of req-1", "info of req-1", "info of req-2", "first debug of req-3", "debug of req-3", "info of req-3"],
            capture.Messages);
    }

    [Fact]
    public async Task Sampling_keeps_the_users_category_levels()
    {
        await using var capture = await LogCapture.StartAsync(
            (logger, context) => DebugThenInfo(logger, context),
            o => o.DebugSampleRate = 1,
            minLevel: LogLevel.Warning);
        await capture.InvokeAsync();

        // Sampled: Debug and Information are both below Warning, so both are written for this invocation.
        Assert.Equal(["debug of req-1", "info of req-1"], capture.Messages);
    }

    [Fact]
    public async Task Outside_an_invocation_sampling_changes_nothing()
    {
        var output = new MemoryStream();
        var builder = TestApps.Builder(output);
        builder.Services.Configure<LambdaLoggerOptions>(o => { o.DebugSampleRate = 1; o.Format = LambdaLogFormat.Json; });
        var app = builder.Build();
        app.Logger.LogDebug("init debug");
        app.Logger.LogInformation("init info");
        await app.DisposeAsync();

        var text = System.Text.Encoding.UTF8.GetString(output.ToArray());
        Assert.DoesNotContain("init debug", text, StringComparison.Ordinal);
        Assert.Contains("init info", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_buffer_is_discarded_when_the_invocation_succeeds_and_written_before_the_error_when_it_fails()
    {
        await using var capture = await LogCapture.StartAsync(
            (logger, context) =>
            {
                logger.LogDebug("debug of {RequestId}", context.RequestId);
                logger.LogTrace("trace of {RequestId}", context.RequestId);
                logger.LogInformation("info of {RequestId}", context.RequestId);
                return context.RequestId == "req-2" ? throw new InvalidOperationException("boom") : ValueTask.CompletedTask;
            },
            o => o.BufferDebugLogs = true,
            minLevel: LogLevel.Information);

        var ok = await capture.InvokeAsync("req-1");
        var failed = await capture.InvokeAsync("req-2");
        await capture.InvokeAsync("req-3");

        Assert.True(ok.IsSuccess);
        Assert.False(failed.IsSuccess);
        // Lines above the level go out at once; the kept ones follow when the failure is logged, just before its line.
        Assert.Equal(["info of req-1", "info of req-2", "debug of req-2", "trace of req-2", "info of req-3"], capture.Messages);
        var lines = capture.Json;
        var error = Array.FindIndex(lines, l => l.GetProperty("level").GetString() == "ERROR");
        Assert.True(error > Array.FindIndex(lines, l => l.GetProperty("message").GetString() == "trace of req-2"));
        Assert.Equal("req-2", lines[error].GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task The_buffer_is_written_when_the_invocation_times_out()
    {
        await using var capture = await LogCapture.StartAsync(
            async (logger, context) =>
            {
                logger.LogDebug("waiting");
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
            },
            o => o.BufferDebugLogs = true);

        var result = await capture.Host.InvokeAsync("{}", new Lambda.Toolkit.Testing.TestInvocation { Timeout = TimeSpan.FromMilliseconds(600) });

        Assert.Equal(LambdaErrorTypes.Timeout, result.Error!.ErrorType);
        Assert.Contains("waiting", capture.Messages);
    }

    [Fact]
    public async Task The_buffer_is_bounded_the_oldest_lines_are_dropped_and_the_drop_is_reported()
    {
        await using var capture = await LogCapture.StartAsync(
            (logger, _) =>
            {
                for (var i = 1; i <= 5; i++)
                {
                    logger.LogDebug("debug {Number}", i);
                }

                logger.LogError("failed");
                return ValueTask.CompletedTask;
            },
            o =>
            {
                o.BufferDebugLogs = true;
                o.DebugBufferMaxLines = 2;
            });
        await capture.InvokeAsync();

        var messages = capture.Messages;
        Assert.Equal("debug 4", messages[0]);
        Assert.Equal("debug 5", messages[1]);
        Assert.StartsWith("3 suppressed log lines of this invocation were dropped", messages[2], StringComparison.Ordinal);
        Assert.Equal("failed", messages[3]);
    }

    [Fact]
    public async Task The_buffer_limit_in_bytes_drops_the_oldest_lines()
    {
        await using var capture = await LogCapture.StartAsync(
            (logger, _) =>
            {
                logger.LogDebug("first {Padding}", new string('x', 300));
                logger.LogDebug("second {Padding}", new string('y', 300));
                logger.LogError("failed");
                return ValueTask.CompletedTask;
            },
            o =>
            {
                o.BufferDebugLogs = true;
                o.DebugBufferMaxBytes = 1000;
            });
        await capture.InvokeAsync();

        var messages = capture.Messages;
        Assert.StartsWith("second", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("1 suppressed log lines", messages[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.1, "DebugSampleRate must be between 0 and 1 (was -0.1).")]
    [InlineData(1.5, "DebugSampleRate must be between 0 and 1 (was 1.5).")]
    [InlineData(double.NaN, "DebugSampleRate must be between 0 and 1 (was NaN).")]
    public async Task An_invalid_sample_rate_fails_init(double rate, string problem)
    {
        var builder = TestApps.Builder();
        builder.Services.Configure<LambdaLoggerOptions>(o => o.DebugSampleRate = rate);
        var app = builder.Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("LambdaLoggerOptions: " + problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_every_problem()
    {
        var options = new LambdaLoggerOptions { DebugSampleRate = 2, DebugBufferMaxLines = 0, DebugBufferMaxBytes = -1, Random = null! };

        Assert.Equal(
            ["DebugSampleRate must be between 0 and 1 (was 2).", "DebugBufferMaxLines must be at least 1 (was 0).", "DebugBufferMaxBytes must be at least 1 (was -1).", "Random must not be null."],
            options.Validate());
        Assert.Empty(new LambdaLoggerOptions().Validate());
    }
}
