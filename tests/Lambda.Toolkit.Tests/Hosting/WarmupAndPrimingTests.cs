using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tests.Hosting;

public class WarmupAndPrimingTests
{
    [Theory]
    [InlineData("""{"warmer":true}""", true)]
    [InlineData("""{"source":"serverless-plugin-warmup"}""", true)]
    [InlineData("""{"concurrency":1,"source":"lambda-toolkit.warmup"}""", true)]
    [InlineData("""{"warmer":false}""", false)]
    [InlineData("""{"source":"aws.events","detail-type":"Scheduled Event"}""", false)]
    [InlineData("""{"nested":{"warmer":true}}""", false)]
    [InlineData("""[{"warmer":true}]""", false)]
    [InlineData("not json", false)]
    [InlineData("", false)]
    public void Default_ping_predicate(string payload, bool expected) =>
        Assert.Equal(expected, WarmupPing.IsDefaultPing(System.Text.Encoding.UTF8.GetBytes(payload)));

    [Fact]
    public async Task Ping_is_answered_before_middleware_and_deserialization()
    {
        var middlewareRan = false;
        var app = TestApps.Builder().Build();
        app.Use((context, next) => { middlewareRan = true; return next(context); });
        app.MapHandler((Order o, InvocationContext _, CancellationToken _) => ValueTask.FromResult(new Receipt(o.Id, "x")), TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);
        await using var host = await TestApps.StartAsync(app);

        var result = await host.InvokeAsync("""{"warmer":true}""");

        Assert.Equal("""{"warmed":true}""", result.ResponseText);
        Assert.False(middlewareRan);
    }

    [Fact]
    public async Task Pings_go_to_the_pipeline_when_the_predicate_is_removed()
    {
        var builder = TestApps.Builder();
        builder.Services.Configure<LambdaRuntimeOptions>(o => o.IsWarmupPing = null);
        var app = builder.Build();
        app.MapHandler(context => { context.Response.SetBody("\"handled\""u8); return ValueTask.CompletedTask; });
        await using var host = await TestApps.StartAsync(app);

        Assert.Equal("\"handled\"", (await host.InvokeAsync("""{"warmer":true}""")).ResponseText);
    }

    [Fact]
    public async Task Priming_runs_the_pipeline_at_init_with_IsPriming_set()
    {
        var seen = new List<(string RequestId, bool Priming)>();
        var app = TestApps.Builder().Build();
        app.MapHandler((Order o, InvocationContext c, CancellationToken _) =>
        {
            seen.Add((c.RequestId, c.IsPriming));
            return ValueTask.FromResult(new Receipt(o.Id, c.RequestId));
        }, TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);
        app.Prime("""{"id":0,"item":"priming"}""");

        await using var host = await TestApps.StartAsync(app);
        Assert.Equal([("priming-1", true)], seen);

        await host.InvokeOrder(1, new TestInvocation { RequestId = "real" });
        Assert.Equal(("real", false), seen[^1]);
    }

    [Fact]
    public async Task A_failing_priming_invocation_fails_init_with_a_clear_message()
    {
        var app = TestApps.Builder().Build();
        app.MapHandler((Order o, InvocationContext _, CancellationToken _) => ValueTask.FromResult(new Receipt(o.Id, "x")), TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);
        app.Prime("""{"id":"not a number"}""");

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.StartsWith("Priming invocation 1 failed with Lambda.Toolkit.InvalidEvent:", error.Message);
    }

    [Fact]
    public async Task Only_the_first_invocation_that_runs_the_pipeline_is_the_cold_start()
    {
        var seen = new List<(string RequestId, bool Priming, bool ColdStart)>();
        var app = TestApps.Builder().Build();
        app.MapHandler((Order o, InvocationContext c, CancellationToken _) =>
        {
            seen.Add((c.RequestId, c.IsPriming, c.IsColdStart));
            return ValueTask.FromResult(new Receipt(o.Id, c.RequestId));
        }, TestJsonContext.Default.Order, TestJsonContext.Default.Receipt);
        app.Prime("""{"id":0,"item":"priming"}""");
        await using var host = await TestApps.StartAsync(app);

        Assert.Equal("""{"warmed":true}""", (await host.InvokeAsync("""{"warmer":true}""")).ResponseText);
        await host.InvokeOrder(1, new TestInvocation { RequestId = "first" });
        await host.InvokeOrder(2, new TestInvocation { RequestId = "second" });

        Assert.Equal([("priming-1", true, false), ("first", false, true), ("second", false, false)], seen);
    }
}
