using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tests.Hosting;

public class InitTests
{
    [Fact]
    public async Task Init_hooks_run_once_in_order_before_the_first_invocation()
    {
        var trace = new List<string>();
        var app = TestApps.Builder().Build();
        app.OnInit((_, _) => { trace.Add("one"); return ValueTask.CompletedTask; });
        app.OnInit((_, _) => { trace.Add("two"); return ValueTask.CompletedTask; });
        app.MapHandler(_ => { trace.Add("invoke"); return ValueTask.CompletedTask; });

        await using var host = await TestApps.StartAsync(app);
        await host.InvokeAsync("{}");
        await host.InvokeAsync("{}");

        Assert.Equal(["one", "two", "invoke", "invoke"], trace);
    }

    [Fact]
    public async Task Init_hook_failure_fails_init()
    {
        var app = TestApps.Builder().Build();
        app.OnInit((_, _) => throw new InvalidOperationException("cache warm-up failed"));
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApps.StartAsync(app));
        Assert.Equal("cache warm-up failed", error.Message);
    }

    [Fact]
    public async Task A_service_that_cannot_be_constructed_fails_init_not_the_first_invocation()
    {
        var builder = TestApps.Builder();
        builder.Services.AddSingleton<NeedsMissing>();
        var app = builder.Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestApps.StartAsync(app));
        Assert.Contains(nameof(NeedsMissing), error.Message);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task A_scoped_service_nothing_resolves_at_init_still_fails_init_in_every_environment(string environment)
    {
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Args = [$"--DOTNET_ENVIRONMENT={environment}"], Environment = new LambdaEnvironment() });
        builder.Services.Configure<Lambda.Toolkit.Logging.LambdaLoggerOptions>(static o => o.Output = Stream.Null);
        builder.Services.AddScoped<NeedsMissing>();
        var app = builder.Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        Assert.True(builder.ServiceProviderOptions.ValidateOnBuild);
        Assert.Equal(environment == "Development", builder.ServiceProviderOptions.ValidateScopes);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => app.InitializeAsync());
        Assert.Contains(nameof(NeedsMissing), error.Message);
        Assert.Contains(nameof(Missing), error.Message);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Invalid_options_fail_init_with_every_problem_listed()
    {
        var builder = TestApps.Builder();
        builder.Services.Configure<LambdaRuntimeOptions>(o =>
        {
            o.CancellationMargin = TimeSpan.FromMilliseconds(50);
            o.TimeoutReportMargin = TimeSpan.FromMilliseconds(80);
            o.MaxResponseSize = 0;
        });
        var app = builder.Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));
        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("TimeoutReportMargin", error.Message);
        Assert.Contains("MaxResponseSize", error.Message);
    }

    [Fact]
    public async Task An_app_without_handlers_fails_init()
    {
        var app = TestApps.Builder().Build();

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));
        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains("No handler is mapped", error.Message);
    }

    [Fact]
    public void Build_can_only_be_called_once()
    {
        var builder = TestApps.Builder();
        builder.Build();
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public async Task Init_runs_once_even_when_started_twice()
    {
        var runs = 0;
        var app = TestApps.Builder().Build();
        app.OnInit((_, _) => { Interlocked.Increment(ref runs); return ValueTask.CompletedTask; });
        app.MapHandler(_ => ValueTask.CompletedTask);

        await LambdaTestHost.StartAsync(app);
        await LambdaTestHost.StartAsync(app);

        Assert.Equal(1, runs);
        await app.DisposeAsync();
    }

    public sealed class Missing;

    public sealed class NeedsMissing(Missing missing)
    {
        public Missing Missing { get; } = missing;
    }
}
