using Lambda.Toolkit.Testing;
using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Emulator;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tests.Runtime;

/// <summary>The real Runtime API loop, in-process, against the emulator over HTTP on 127.0.0.1.</summary>
public sealed class RuntimeLoopTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private RuntimeApiEmulator _emulator = null!;
    private readonly CancellationTokenSource _stop = new();

    public async Task InitializeAsync() => _emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { FunctionName = "loop-test" });

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _emulator.DisposeAsync();
        _stop.Dispose();
    }

    private static readonly LambdaEnvironment SnapStart = new() { InitializationType = LambdaEnvironment.SnapStartInitializationType };

    private static LambdaApplication OrderApp(Action<LambdaApplicationBuilder>? configure = null, LambdaEnvironment? environment = null)
    {
        var builder = TestApps.Builder(environment: environment);
        builder.Services.Configure<LambdaRuntimeOptions>(o => o.RuntimeApiRetryDelay = TimeSpan.FromMilliseconds(5));
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapHandler(
            (Order order, InvocationContext context, CancellationToken _) => order.Item == "boom"
                ? throw new InvalidOperationException("boom is not for sale")
                : ValueTask.FromResult(new Receipt(order.Id, context.RequestId)),
            TestJsonContext.Default.Order,
            TestJsonContext.Default.Receipt);
        return app;
    }

    // The only loop makes blocking Runtime API calls on the thread that runs it: start it on a pool thread.
    private Task<int> Run(LambdaApplication app) => Task.Run(() => app.RunCoreAsync(_emulator.RuntimeApiAddress, _stop.Token));

    private Task<EmulatedInvocationResult> Invoke(string json, TestInvocation? invocation = null) =>
        _emulator.InvokeAsync(Encoding.UTF8.GetBytes(json), invocation).WaitAsync(Wait);

    [Fact]
    public async Task Serves_responses_and_errors_and_keeps_going()
    {
        await using var app = OrderApp();
        var loop = Run(app);

        var ok = await Invoke("""{"id":1,"item":"book"}""", new TestInvocation { RequestId = "r-1" });
        var failed = await Invoke("""{"id":2,"item":"boom"}""");
        var malformed = await Invoke("""{"id":"x"}""");
        var again = await Invoke("""{"id":3,"item":"pen"}""", new TestInvocation { RequestId = "r-3" });

        Assert.Equal("""{"orderId":1,"requestId":"r-1"}""", ok.BodyText);
        Assert.Equal(EmulatedInvocationStatus.Error, failed.Status);
        Assert.Equal("InvalidOperationException", failed.ErrorType);
        Assert.Equal("boom is not for sale", failed.ErrorMessage);
        using (var body = JsonDocument.Parse(failed.Body))
        {
            Assert.Equal("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
            Assert.NotEqual(0, body.RootElement.GetProperty("stackTrace").GetArrayLength());
        }

        Assert.Equal(LambdaErrorTypes.InvalidEvent, malformed.ErrorType);
        Assert.Equal("""{"orderId":3,"requestId":"r-3"}""", again.BodyText);
        await _stop.CancelAsync();
        Assert.Equal(0, await loop.WaitAsync(Wait));
    }

    [Fact]
    public async Task Context_comes_from_the_runtime_headers()
    {
        InvocationContext? seen = null;
        (string RequestId, string Arn, string? Trace, string? Client, string? Cognito, TimeSpan Remaining)? values = null;
        var app = TestApps.Builder().Build();
        app.MapHandler(context =>
        {
            seen = context;
            values = (context.RequestId, context.InvokedFunctionArn, context.TraceId, context.ClientContext, context.CognitoIdentity, context.RemainingTime);
            return ValueTask.CompletedTask;
        });
        await using (app)
        {
            var loop = Run(app);
            await Invoke("{}", new TestInvocation
            {
                RequestId = "hdr-1",
                Timeout = TimeSpan.FromSeconds(20),
                TraceId = "Root=1-65f00000-0123456789abcdef01234567;Sampled=1",
                ClientContext = """{"custom":{"k":"v"}}""",
                CognitoIdentity = """{"cognitoIdentityId":"id-1"}""",
                InvokedFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:loop-test:live",
            });
            await _stop.CancelAsync();
            await loop.WaitAsync(Wait);
        }

        Assert.NotNull(seen);
        var v = values!.Value;
        Assert.Equal("hdr-1", v.RequestId);
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:loop-test:live", v.Arn);
        Assert.Equal("Root=1-65f00000-0123456789abcdef01234567;Sampled=1", v.Trace);
        Assert.Equal("""{"custom":{"k":"v"}}""", v.Client);
        Assert.Equal("""{"cognitoIdentityId":"id-1"}""", v.Cognito);
        Assert.InRange(v.Remaining, TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Handler_past_its_deadline_is_reported_as_a_timeout_before_Lambda_would_kill_it()
    {
        var release = new TaskCompletionSource();
        var builder = TestApps.Builder();
        // Wide margins, so the toolkit's report beats the emulator's own timeout even on a loaded machine.
        builder.Services.Configure<LambdaRuntimeOptions>(o =>
        {
            o.CancellationMargin = TimeSpan.FromMilliseconds(1200);
            o.TimeoutReportMargin = TimeSpan.FromMilliseconds(1000);
        });
        var app = builder.Build();
        app.MapHandler(async context =>
        {
            if (context.Payload.Span[0] == (byte)'"')
            {
                return;
            }

            await release.Task; // ignores its token
        });
        await using (app)
        {
            var loop = Run(app);
            var stuck = await Invoke("{}", new TestInvocation { Timeout = TimeSpan.FromMilliseconds(3000) });
            var next = await Invoke("\"next\"");
            release.SetResult();
            await _stop.CancelAsync();
            await loop.WaitAsync(Wait);

            Assert.Equal(EmulatedInvocationStatus.Error, stuck.Status);
            Assert.Equal(LambdaErrorTypes.Timeout, stuck.ErrorType);
            Assert.True(next.IsSuccess);
        }
    }

    [Fact]
    public async Task Transient_Runtime_API_failures_are_retried()
    {
        await using var app = OrderApp();
        _emulator.Faults.AbortNext(2);
        _emulator.Faults.FailNext(2, 503);
        var loop = Run(app);

        var result = await Invoke("""{"id":5,"item":"book"}""");

        Assert.True(result.IsSuccess);
        await _stop.CancelAsync();
        Assert.Equal(0, await loop.WaitAsync(Wait));
    }

    [Fact]
    public async Task A_500_from_the_Runtime_API_ends_the_process_with_a_clear_failure()
    {
        await using var app = OrderApp();
        _emulator.Faults.FailNext(1, 500);

        var exitCode = await Run(app).WaitAsync(Wait);

        Assert.Equal(LambdaApplication.RuntimeApiFailedExitCode, exitCode);
    }

    [Fact]
    public async Task An_unreachable_Runtime_API_is_retried_then_fatal()
    {
        await using var app = OrderApp(b => b.Services.Configure<LambdaRuntimeOptions>(o => o.RuntimeApiMaxAttempts = 3));
        var closed = _emulator.RuntimeApiAddress;
        await _emulator.DisposeAsync();
        _emulator = await RuntimeApiEmulator.StartAsync();

        var exitCode = await app.RunCoreAsync(closed, CancellationToken.None).WaitAsync(Wait);

        Assert.Equal(LambdaApplication.RuntimeApiFailedExitCode, exitCode);
    }

    [Fact]
    public async Task A_dropped_connection_while_waiting_for_an_event_is_retried()
    {
        await using var app = OrderApp();
        var loop = Run(app);
        await _emulator.FirstNextRequested.WaitAsync(Wait);
        _emulator.Faults.AbortNext(1);

        var first = await Invoke("""{"id":1,"item":"a"}""");
        var second = await Invoke("""{"id":2,"item":"b"}""");

        Assert.True(first.IsSuccess);
        Assert.True(second.IsSuccess);
        await _stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task Init_failure_is_posted_to_init_error_and_the_run_fails()
    {
        var builder = TestApps.Builder();
        builder.Services.AddSingleton<Unbuildable>();
        await using var app = builder.Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var exitCode = await Run(app).WaitAsync(Wait);
        var error = await _emulator.InitError.WaitAsync(Wait);

        Assert.Equal(LambdaApplication.InitFailedExitCode, exitCode);
        Assert.Equal("InvalidOperationException", error.ErrorType);
        Assert.Contains(nameof(Unbuildable), error.ErrorMessage);
    }

    [Fact]
    public async Task Init_hook_failure_is_posted_to_init_error()
    {
        await using var app = OrderApp();
        app.OnInit((_, _) => throw new LambdaFunctionException("Config.Missing", "ORDERS_TABLE is not set."));

        var exitCode = await Run(app).WaitAsync(Wait);
        var error = await _emulator.InitError.WaitAsync(Wait);

        Assert.Equal(LambdaApplication.InitFailedExitCode, exitCode);
        Assert.Equal("Config.Missing", error.ErrorType);
        Assert.Equal("ORDERS_TABLE is not set.", error.ErrorMessage);
    }

    [Fact]
    public async Task Shutdown_hooks_run_in_reverse_order_when_the_run_stops()
    {
        var trace = new List<string>();
        await using var app = OrderApp();
        app.OnShutdown((_, _) => { trace.Add("first"); return ValueTask.CompletedTask; });
        app.OnShutdown((_, _) => { trace.Add("second"); throw new InvalidOperationException("flush failed"); });
        app.OnShutdown((_, _) => { trace.Add("third"); return ValueTask.CompletedTask; });
        var loop = Run(app);
        await _emulator.FirstNextRequested.WaitAsync(Wait);

        await _stop.CancelAsync();
        await loop.WaitAsync(Wait);

        Assert.Equal(["third", "second", "first"], trace);
    }

    [Fact]
    public async Task SnapStart_runs_before_snapshot_hooks_in_reverse_then_after_restore_hooks_in_order()
    {
        var trace = new List<string>();
        await using var app = OrderApp(environment: SnapStart);
        app.OnBeforeSnapshot((_, _) => { trace.Add("before-1"); return ValueTask.CompletedTask; });
        app.OnBeforeSnapshot((_, _) => { trace.Add("before-2"); return ValueTask.CompletedTask; });
        app.OnAfterRestore((_, _) => { trace.Add($"after-1 {_emulator.RestoreNextRequested.IsCompleted}"); return ValueTask.CompletedTask; });
        app.OnAfterRestore((_, _) => { trace.Add("after-2"); return ValueTask.CompletedTask; });
        var loop = Run(app);

        var result = await Invoke("""{"id":1,"item":"book"}""");

        Assert.True(result.IsSuccess);
        Assert.Equal(["before-2", "before-1", "after-1 True", "after-2"], trace);
        await _stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    [Fact]
    public async Task SnapStart_after_restore_failure_goes_to_restore_error()
    {
        await using var app = OrderApp(environment: SnapStart);
        app.OnAfterRestore((_, _) => throw new InvalidOperationException("credentials expired"));

        var exitCode = await Run(app).WaitAsync(Wait);
        var error = await _emulator.RestoreError.WaitAsync(Wait);

        Assert.Equal(LambdaApplication.InitFailedExitCode, exitCode);
        Assert.Equal("InvalidOperationException", error.ErrorType);
        Assert.Equal("credentials expired", error.ErrorMessage);
        Assert.False(_emulator.InitError.IsCompleted);
    }

    [Fact]
    public async Task Managed_instances_run_concurrent_loops_with_separate_scopes()
    {
        var inFlight = 0;
        var peak = 0;
        var gate = new TaskCompletionSource();
        var builder = TestApps.Builder();
        builder.Services.Configure<LambdaRuntimeOptions>(o => o.MaxConcurrency = 4);
        builder.Services.AddScoped<ScopeId>();
        await using var app = builder.Build();
        app.MapHandler(async context =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            if (now == 4)
            {
                gate.TrySetResult();
            }

            await gate.Task.WaitAsync(TimeSpan.FromSeconds(10), context.CancellationToken);
            var id = context.Services.GetRequiredService<ScopeId>().Id;
            context.Response.SetBody(Encoding.UTF8.GetBytes($"\"{id}\""));
            Interlocked.Decrement(ref inFlight);
        });
        var loop = Run(app);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Invoke("{}")));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.Equal(4, peak);
        Assert.Equal(4, results.Select(r => r.BodyText).Distinct().Count());
        await _stop.CancelAsync();
        await loop.WaitAsync(Wait);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    public sealed class ScopeId
    {
        public Guid Id { get; } = Guid.NewGuid();
    }

    public sealed class Unbuildable
    {
        public Unbuildable(Uri notRegistered) => _ = notRegistered;
    }
}
