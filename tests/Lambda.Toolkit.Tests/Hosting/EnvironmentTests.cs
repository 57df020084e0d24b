using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Tests.Hosting;

/// <summary>The Lambda environment reaches the application through a <see cref="LambdaEnvironment"/> snapshot; no test here changes the process's variables.</summary>
public sealed class EnvironmentTests
{
    private static LambdaEnvironment Variables(params (string Name, string Value)[] variables) =>
        LambdaEnvironment.FromVariables(variables.ToDictionary(v => v.Name, v => v.Value));

    [Fact]
    public void Every_variable_is_read_into_the_snapshot()
    {
        var environment = Variables(
            ("AWS_LAMBDA_FUNCTION_NAME", "orders"),
            ("AWS_LAMBDA_FUNCTION_VERSION", "7"),
            ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"),
            ("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/orders"),
            ("AWS_LAMBDA_LOG_STREAM_NAME", "2026/01/01/[7]abc"),
            ("AWS_LAMBDA_LOG_FORMAT", "json"),
            ("AWS_LAMBDA_LOG_LEVEL", "debug"),
            ("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"),
            ("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start"),
            ("AWS_LAMBDA_MAX_CONCURRENCY", "16"));

        Assert.Equal("orders", environment.FunctionName);
        Assert.Equal("7", environment.FunctionVersion);
        Assert.Equal(512, environment.MemorySizeMb);
        Assert.Equal("/aws/lambda/orders", environment.LogGroupName);
        Assert.Equal("2026/01/01/[7]abc", environment.LogStreamName);
        Assert.Equal(LambdaLogFormat.Json, environment.LogFormat);
        Assert.Equal(LogLevel.Debug, environment.LogLevel);
        Assert.Equal("127.0.0.1:9001", environment.RuntimeApi);
        Assert.True(environment.IsSnapStart);
        Assert.Equal(16, environment.MaxConcurrency);
        Assert.Empty(environment.Problems);
        Assert.Equal(("orders", "7", 512, "/aws/lambda/orders", "2026/01/01/[7]abc"), (environment.Function.Name, environment.Function.Version, environment.Function.MemorySizeMb, environment.Function.LogGroupName, environment.Function.LogStreamName));
    }

    [Fact]
    public void Absent_variables_keep_the_defaults()
    {
        var environment = Variables(("AWS_LAMBDA_LOG_LEVEL", ""), ("AWS_LAMBDA_LOG_FORMAT", "Text"), ("AWS_LAMBDA_MAX_CONCURRENCY", ""));

        Assert.Equal(string.Empty, environment.FunctionName);
        Assert.Equal(0, environment.MemorySizeMb);
        Assert.Equal(LambdaLogFormat.Text, environment.LogFormat);
        Assert.Null(environment.LogLevel);
        Assert.Null(environment.RuntimeApi);
        Assert.False(environment.IsSnapStart);
        Assert.Null(environment.MaxConcurrency);
        Assert.Empty(environment.Problems);
    }

    [Theory]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "lots")]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "0")]
    [InlineData("AWS_LAMBDA_MAX_CONCURRENCY", "abc")]
    [InlineData("AWS_LAMBDA_MAX_CONCURRENCY", "-4")]
    public void Unreadable_numbers_are_problems(string name, string value)
    {
        var environment = Variables((name, value));

        Assert.Equal($"{name} must be a positive integer (was '{value}').", Assert.Single(environment.Problems));
        Assert.Equal(0, environment.MemorySizeMb);
        Assert.Null(environment.MaxConcurrency);
    }

    [Fact]
    public void Explicit_values_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LambdaEnvironment { MaxConcurrency = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new LambdaEnvironment { MemorySizeMb = -1 });
        Assert.Equal(4, new LambdaEnvironment { MaxConcurrency = 4 }.MaxConcurrency);
    }

    [Fact]
    public async Task AWS_LAMBDA_LOG_LEVEL_sets_the_minimum_level()
    {
        var app = TestApps.Builder(environment: Variables(("AWS_LAMBDA_LOG_LEVEL", "WARN"))).Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        Assert.False(app.Logger.IsEnabled(LogLevel.Information));
        Assert.True(app.Logger.IsEnabled(LogLevel.Warning));
        await app.DisposeAsync();
    }

    [Fact]
    public async Task SetMinimumLevel_after_the_builder_wins_over_AWS_LAMBDA_LOG_LEVEL()
    {
        var builder = TestApps.Builder(environment: Variables(("AWS_LAMBDA_LOG_LEVEL", "ERROR")));
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        var app = builder.Build();

        Assert.True(app.Logger.IsEnabled(LogLevel.Debug));
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_Logging_configuration_section_sets_filters()
    {
        var builder = TestApps.Builder(environment: Variables(("AWS_LAMBDA_LOG_LEVEL", "TRACE")));
        builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Default", "Error"), new("Logging:LogLevel:Noisy", "Trace")]);
        var app = builder.Build();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(factory.CreateLogger("Orders").IsEnabled(LogLevel.Warning));
        Assert.True(factory.CreateLogger("Orders").IsEnabled(LogLevel.Error));
        Assert.True(factory.CreateLogger("Noisy").IsEnabled(LogLevel.Trace));
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("JSON", LambdaLogFormat.Json)]
    [InlineData("Text", LambdaLogFormat.Text)]
    public async Task AWS_LAMBDA_LOG_FORMAT_selects_the_line_format(string value, LambdaLogFormat expected)
    {
        var app = TestApps.Builder(environment: Variables(("AWS_LAMBDA_LOG_FORMAT", value))).Build();

        Assert.Equal(expected, app.Services.GetRequiredService<IOptions<LambdaLoggerOptions>>().Value.Format);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Configured_logger_options_win_over_AWS_LAMBDA_LOG_FORMAT()
    {
        var builder = TestApps.Builder(environment: Variables(("AWS_LAMBDA_LOG_FORMAT", "JSON")));
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Format = LambdaLogFormat.Text);
        var app = builder.Build();

        Assert.Equal(LambdaLogFormat.Text, app.Services.GetRequiredService<IOptions<LambdaLoggerOptions>>().Value.Format);
        await app.DisposeAsync();
    }

    [Theory]
    [InlineData("AWS_LAMBDA_MAX_CONCURRENCY", "zero")]
    [InlineData("AWS_LAMBDA_MAX_CONCURRENCY", "0")]
    [InlineData("AWS_LAMBDA_MAX_CONCURRENCY", "-4")]
    [InlineData("AWS_LAMBDA_MAX_CONCURRENCY", "1.5")]
    [InlineData("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "abc")]
    public async Task Unreadable_variables_fail_init_and_say_so(string name, string value)
    {
        var app = TestApps.Builder(environment: Variables((name, value))).Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));
        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Equal($"{name} must be a positive integer (was '{value}').", error.Message);
    }

    [Fact]
    public async Task AWS_LAMBDA_MAX_CONCURRENCY_sets_the_number_of_loops()
    {
        var app = TestApps.Builder(environment: Variables(("AWS_LAMBDA_MAX_CONCURRENCY", "8"))).Build();

        Assert.Equal(8, app.Services.GetRequiredService<IOptions<LambdaRuntimeOptions>>().Value.MaxConcurrency);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task The_snapshot_is_a_singleton_and_function_information_comes_from_it()
    {
        var environment = Variables(("AWS_LAMBDA_FUNCTION_NAME", "orders"), ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"));
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Args = ["--Orders:Region=eu-west-1"], Environment = environment });
        var app = builder.Build();

        Assert.Same(environment, builder.Environment);
        Assert.Same(environment, app.Environment);
        Assert.Same(environment, app.Services.GetRequiredService<LambdaEnvironment>());
        var info = app.Services.GetRequiredService<LambdaFunctionInfo>();
        Assert.Equal("orders", info.Name);
        Assert.Equal(512, info.MemorySizeMb);
        Assert.Equal("eu-west-1", app.Configuration["Orders:Region"]);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Invocations_see_the_function_information_of_the_snapshot()
    {
        var app = TestApps.Builder(environment: Variables(("AWS_LAMBDA_FUNCTION_NAME", "orders"), ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256"))).Build();
        app.MapHandler(_ => ValueTask.CompletedTask);
        await using var _ = app;

        var invoker = await app.InitializeAsync();

        Assert.Equal("orders", invoker.Function.Name);
        Assert.Equal(256, invoker.Function.MemorySizeMb);
    }

    [Theory]
    [InlineData("JSON", LambdaLogFormat.Json)]
    [InlineData("json", LambdaLogFormat.Json)]
    [InlineData("Text", LambdaLogFormat.Text)]
    [InlineData("TEXT", LambdaLogFormat.Text)]
    [InlineData("", LambdaLogFormat.Text)]
    public void Every_documented_AWS_LAMBDA_LOG_FORMAT_value_is_read(string value, LambdaLogFormat expected)
    {
        var environment = Variables(("AWS_LAMBDA_LOG_FORMAT", value));

        Assert.Equal(expected, environment.LogFormat);
        Assert.Empty(environment.Problems);
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("DEBUG", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData("info", LogLevel.Information)]
    [InlineData("", null)]
    public void Every_documented_AWS_LAMBDA_LOG_LEVEL_value_is_read(string value, LogLevel? expected)
    {
        var environment = Variables(("AWS_LAMBDA_LOG_LEVEL", value));

        Assert.Equal(expected, environment.LogLevel);
        Assert.Empty(environment.Problems);
    }

    [Theory]
    [InlineData("AWS_LAMBDA_LOG_FORMAT", "XML", "AWS_LAMBDA_LOG_FORMAT must be JSON or Text (was 'XML').")]
    [InlineData("AWS_LAMBDA_LOG_LEVEL", "VERBOSE", "AWS_LAMBDA_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR or FATAL (was 'VERBOSE').")]
    [InlineData("AWS_LAMBDA_LOG_LEVEL", "INFORMATION", "AWS_LAMBDA_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR or FATAL (was 'INFORMATION').")]
    public async Task An_invalid_logging_control_is_an_init_problem(string name, string value, string problem)
    {
        var environment = Variables((name, value));
        Assert.Equal(problem, Assert.Single(environment.Problems));

        var app = TestApps.Builder(environment: environment).Build();
        app.MapHandler(_ => ValueTask.CompletedTask);
        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => TestApps.StartAsync(app));

        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace, true)]
    [InlineData("DEBUG", LogLevel.Debug, true)]
    [InlineData("DEBUG", LogLevel.Trace, false)]
    [InlineData("INFO", LogLevel.Information, true)]
    [InlineData("INFO", LogLevel.Debug, false)]
    [InlineData("WARN", LogLevel.Warning, true)]
    [InlineData("WARN", LogLevel.Information, false)]
    [InlineData("ERROR", LogLevel.Error, true)]
    [InlineData("ERROR", LogLevel.Warning, false)]
    [InlineData("FATAL", LogLevel.Critical, true)]
    [InlineData("FATAL", LogLevel.Error, false)]
    public async Task Each_AWS_LAMBDA_LOG_LEVEL_value_filters_below_its_level(string value, LogLevel level, bool enabled)
    {
        var app = TestApps.Builder(environment: Variables(("AWS_LAMBDA_LOG_LEVEL", value))).Build();

        Assert.Equal(enabled, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders").IsEnabled(level));
        await app.DisposeAsync();
    }
}
