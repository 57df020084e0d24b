using Lambda.Toolkit.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Tests.Hosting;

/// <summary>
/// The services <see cref="LambdaApplication.CreateBuilder(string[])"/> registers are built by factories and their
/// options read once, so the container reflects over no constructor and makes no generic type for them at init;
/// what users configure through options and logging still applies.
/// </summary>
public sealed class DefaultServicesTests
{
    private static LambdaEnvironment Variables(params (string Name, string Value)[] variables) =>
        LambdaEnvironment.FromVariables(variables.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void The_default_services_are_instances_or_factories()
    {
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });

        // Open generics (IOptions<>, ILogger<>, ...) stay registered for the user's own types; they cost nothing until used.
        var constructed = builder.Services
            .Where(static d => !d.ServiceType.IsGenericTypeDefinition && d.ImplementationType is not null)
            .Select(static d => $"{d.ServiceType.Name} -> {d.ImplementationType!.Name}");
        Assert.Empty(constructed);
    }

    [Fact]
    public async Task The_toolkits_options_are_closed_registrations_and_user_options_still_resolve()
    {
        var builder = TestApps.Builder();
        builder.Services.Configure<UserOptions>(o => o.Name = "orders");
        var app = builder.Build();

        Assert.Contains(builder.Services, static d => d.ServiceType == typeof(IOptions<LambdaRuntimeOptions>));
        Assert.Contains(builder.Services, static d => d.ServiceType == typeof(IOptions<LambdaLoggerOptions>));
        Assert.Equal("orders", app.Services.GetRequiredService<IOptions<UserOptions>>().Value.Name);
        Assert.Equal("orders", app.Services.GetRequiredService<IOptionsMonitor<UserOptions>>().CurrentValue.Name);
        Assert.Same(app.Services.GetRequiredService<IOptions<LambdaRuntimeOptions>>().Value, app.Services.GetRequiredService<IOptions<LambdaRuntimeOptions>>().Value);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Runtime_options_apply_every_setup_in_registration_order()
    {
        var builder = TestApps.Builder(environment: new LambdaEnvironment { MaxConcurrency = 4 });
        builder.Services.AddSingleton(new Margin(TimeSpan.FromMilliseconds(700)));
        builder.Services.PostConfigure<LambdaRuntimeOptions>(o => o.MaxResponseSize -= 1);
        builder.Services.Configure<LambdaRuntimeOptions>(o => o.MaxResponseSize = 1000);
        builder.Services.AddOptions<LambdaRuntimeOptions>().Configure<Margin>((o, margin) => o.CancellationMargin = margin.Value);
        builder.Services.Configure<LambdaRuntimeOptions>(o => o.MaxConcurrency *= 2);
        var app = builder.Build();

        var options = app.Services.GetRequiredService<IOptions<LambdaRuntimeOptions>>().Value;
        Assert.Equal(999, options.MaxResponseSize);
        Assert.Equal(TimeSpan.FromMilliseconds(700), options.CancellationMargin);
        Assert.Equal(8, options.MaxConcurrency);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_registered_options_validator_fails_init()
    {
        var builder = TestApps.Builder();
        builder.Services.AddOptions<LambdaRuntimeOptions>().Validate(static o => o.RuntimeApiMaxAttempts < 3, "at most 2 attempts here");
        var app = builder.Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => TestApps.StartAsync(app));
        Assert.Contains("at most 2 attempts here", error.Message);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task AddFilter_by_category_and_by_provider_alias_applies()
    {
        var builder = TestApps.Builder(environment: Variables(("AWS_LAMBDA_LOG_LEVEL", "INFO")));
        builder.Logging.AddFilter("Orders", LogLevel.Warning);
        builder.Services.Configure<LoggerFilterOptions>(static o =>
        {
            o.Rules.Add(new LoggerFilterRule("Lambda", "Noisy", LogLevel.Trace, null));
            o.Rules.Add(new LoggerFilterRule("SomeOtherProvider", "Quiet", LogLevel.Trace, null));
        });
        var app = builder.Build();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(factory.CreateLogger("Orders.Store").IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger("Orders.Store").IsEnabled(LogLevel.Warning));
        Assert.True(factory.CreateLogger("Noisy").IsEnabled(LogLevel.Trace));
        Assert.False(factory.CreateLogger("Quiet").IsEnabled(LogLevel.Debug));
        Assert.True(factory.CreateLogger("Other").IsEnabled(LogLevel.Information));
        Assert.False(factory.CreateLogger("Other").IsEnabled(LogLevel.Debug));
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_Logging_section_wins_over_AWS_LAMBDA_LOG_LEVEL_and_a_later_SetMinimumLevel_over_both()
    {
        var builder = TestApps.Builder(environment: Variables(("AWS_LAMBDA_LOG_LEVEL", "ERROR")));
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Warning"), new("Logging:LogLevel:Orders", "Debug")]);
        var app = builder.Build();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.True(factory.CreateLogger("Other").IsEnabled(LogLevel.Warning));
        Assert.False(factory.CreateLogger("Other").IsEnabled(LogLevel.Information));
        Assert.True(factory.CreateLogger("Orders").IsEnabled(LogLevel.Debug));
        await app.DisposeAsync();

        var later = TestApps.Builder(environment: Variables(("AWS_LAMBDA_LOG_LEVEL", "ERROR")));
        later.Logging.SetMinimumLevel(LogLevel.Trace);
        var traced = later.Build();
        Assert.True(traced.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Other").IsEnabled(LogLevel.Trace));
        await traced.DisposeAsync();
    }

    [Fact]
    public async Task Logger_factory_options_configured_through_logging_apply()
    {
        var builder = TestApps.Builder();
        builder.Logging.Configure(static o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId);
        var app = builder.Build();

        Assert.Equal(ActivityTrackingOptions.TraceId, app.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions);
        Assert.IsType<LoggerFactory>(app.Services.GetRequiredService<ILoggerFactory>());
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_user_logger_provider_gets_the_filtered_lines()
    {
        var provider = new ListLoggerProvider();
        var builder = TestApps.Builder();
        builder.Logging.AddProvider(provider);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build();
        app.MapHandler(context =>
        {
            var logger = context.Services.GetRequiredService<ILogger<DefaultServicesTests>>();
            logger.Log(LogLevel.Information, default, "dropped", null, static (message, _) => message);
            logger.Log(LogLevel.Warning, default, "kept", null, static (message, _) => message);
            return ValueTask.CompletedTask;
        });

        await using var host = await TestApps.StartAsync(app);
        await host.InvokeAsync("{}");

        Assert.Equal(["kept"], provider.Messages);
    }

    public sealed class UserOptions
    {
        public string? Name { get; set; }
    }

    public sealed record Margin(TimeSpan Value);

    private sealed class ListLoggerProvider : ILoggerProvider
    {
        public List<string> Messages { get; } = [];

        public ILogger CreateLogger(string categoryName) => new ListLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ListLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (category == typeof(DefaultServicesTests).FullName)
                {
                    provider.Messages.Add(formatter(state, exception));
                }
            }
        }
    }
}
