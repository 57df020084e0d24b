using System.Text;
using Lambda.Toolkit.Emulator;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Tests.Runtime;

/// <summary>
/// A loop's context keeps one deadline timer across warm invocations, armed for the earliest deadline it may have to
/// enforce: when it fires for an invocation that has ended, the running one's token must not fire before its own
/// deadline, and must fire at it. The real loop against the emulator, both on a fake clock.
/// </summary>
public sealed class WarmDeadlineTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_timer_left_armed_by_an_earlier_invocation_does_not_cancel_a_later_one_before_its_own_deadline()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        await using var emulator = await RuntimeApiEmulator.StartAsync(new RuntimeApiEmulatorOptions { TimeProvider = time });
        var started = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        var app = TestApps.Builder(time: time).Build();
        app.MapHandler(async context =>
        {
            if (context.Payload.Span[0] == (byte)'"')
            {
                // The quick invocations answer whether their token is live.
                context.Response.SetBody(context.CancellationToken.IsCancellationRequested ? "\"cancelled\""u8 : "\"live\""u8);
                return;
            }

            started.SetResult(context.CancellationToken);
            await Task.Delay(Timeout.InfiniteTimeSpan, time, context.CancellationToken);
        });
        using var stop = new CancellationTokenSource();
        await using (app)
        {
            var loop = Task.Run(() => app.RunCoreAsync(emulator.RuntimeApiAddress, stop.Token));

            // Token at 2.5 s (3 s timeout, 500 ms margin): the context's timer is armed for it and left armed.
            var quick = await emulator.InvokeAsync(Encoding.UTF8.GetBytes("\"quick\""), new TestInvocation { Timeout = TimeSpan.FromSeconds(3) }).WaitAsync(Wait);
            Assert.Equal("\"live\"", quick.BodyText);
            time.Advance(TimeSpan.FromSeconds(1));

            // Started at 1 s with a 3 s timeout: its token fires at 3.5 s.
            var slow = emulator.InvokeAsync(Encoding.UTF8.GetBytes("{}"), new TestInvocation { Timeout = TimeSpan.FromSeconds(3) });
            var token = await started.Task.WaitAsync(Wait);
            time.Advance(TimeSpan.FromMilliseconds(1500)); // 2.5 s: the first invocation's deadline timer fires
            Assert.False(token.IsCancellationRequested);
            time.Advance(TimeSpan.FromMilliseconds(999));
            Assert.False(token.IsCancellationRequested);
            Assert.False(slow.IsCompleted);
            time.Advance(TimeSpan.FromMilliseconds(1)); // 3.5 s
            Assert.True(token.IsCancellationRequested);

            var result = await slow.WaitAsync(Wait);
            Assert.Equal(LambdaErrorTypes.Timeout, result.ErrorType);
            Assert.Contains("500 ms before the deadline", result.ErrorMessage);

            // The fired source is not reused: the next invocation's token is a live one.
            var after = await emulator.InvokeAsync(Encoding.UTF8.GetBytes("\"after\""), new TestInvocation { Timeout = TimeSpan.FromSeconds(3) }).WaitAsync(Wait);
            Assert.Equal("\"live\"", after.BodyText);
            await stop.CancelAsync();
            Assert.Equal(0, await loop.WaitAsync(Wait));
        }
    }
}
