using Lambda.Toolkit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Tests.Pipeline;

public class DeadlineTests
{
    [Fact]
    public async Task Token_fires_the_margin_before_the_deadline_and_a_handler_that_stops_reports_a_timeout()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var started = new TaskCompletionSource();
        var app = TestApps.Builder(time: time).Build();
        app.MapHandler(async context =>
        {
            started.SetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, time, context.CancellationToken);
        });
        await using var host = await TestApps.StartAsync(app, time);

        var invocation = host.InvokeAsync("{}", new TestInvocation { Timeout = TimeSpan.FromSeconds(3) });
        await started.Task;
        time.Advance(TimeSpan.FromMilliseconds(2499));
        Assert.False(invocation.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await invocation.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(LambdaErrorTypes.Timeout, result.Error!.ErrorType);
        Assert.Contains("500 ms before the deadline", result.Error.ErrorMessage);
    }

    [Fact]
    public async Task Handler_that_ignores_its_token_is_abandoned_before_the_deadline_and_the_next_invocation_runs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var stuck = new TaskCompletionSource();
        var started = new TaskCompletionSource();
        var app = TestApps.Builder(time: time).Build();
        app.MapHandler(async context =>
        {
            if (context.Payload.Span[0] == (byte)'"')
            {
                return;
            }

            started.SetResult();
            await stuck.Task; // ignores the token
        });
        await using var host = await TestApps.StartAsync(app, time);

        var invocation = host.InvokeAsync("{}", new TestInvocation { Timeout = TimeSpan.FromSeconds(3) });
        await started.Task;
        time.Advance(TimeSpan.FromMilliseconds(2600));
        Assert.False(invocation.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(300)); // 2.9 s: deadline minus the 100 ms report margin
        var result = await invocation.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(LambdaErrorTypes.Timeout, result.Error!.ErrorType);
        Assert.Contains("abandoned", result.Error.ErrorMessage);
        Assert.True((await host.InvokeAsync("\"next\"")).IsSuccess);
        stuck.SetResult();
    }

    [Fact]
    public async Task Remaining_time_follows_the_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        var samples = new List<TimeSpan>();
        var app = TestApps.Builder(time: time).Build();
        app.MapHandler(context =>
        {
            samples.Add(context.RemainingTime);
            time.Advance(TimeSpan.FromSeconds(1));
            samples.Add(context.RemainingTime);
            time.Advance(TimeSpan.FromSeconds(5));
            samples.Add(context.RemainingTime);
            return ValueTask.CompletedTask;
        });
        await using var host = await TestApps.StartAsync(app, time);

        await host.InvokeAsync("{}", new TestInvocation { Timeout = TimeSpan.FromSeconds(3) });

        Assert.Equal([TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(2), TimeSpan.Zero], samples);
    }
}
