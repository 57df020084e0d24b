using System.Text;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Tests.Hosting;

public sealed class EnvironmentTests : IDisposable
{
    private static readonly string[] Variables = ["AWS_LAMBDA_LOG_LEVEL", "AWS_LAMBDA_LOG_FORMAT", "AWS_LAMBDA_MAX_CONCURRENCY", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "Orders__Table", "Logging__LogLevel__Default", "Logging__LogLevel__Noisy"];

    public void Dispose()
    {
        foreach (var name in Variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public async Task AWS_LAMBDA_LOG_LEVEL_sets_the_minimum_level()
    {
        Environment.SetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL", "WARN");
        var output = new MemoryStream();
        var builder = LambdaApplication.CreateBuilder([]);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = output);
        var app = builder.Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        Assert.False(app.Logger.IsEnabled(LogLevel.Information));
        Assert.True(app.Logger.IsEnabled(LogLevel.Warning));
        await app.DisposeAsync();
    }

    [Fact]
    public async Task A_Logging_configuration_section_sets_filters()
    {
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Error");
        Environment.SetEnvironmentVariable("Logging__LogLevel__Noisy", "Trace");
        var app = TestApps.Builder().Build();
        var factory = app.Services.GetRequiredService<ILoggerFactory>();

        Assert.False(factory.CreateLogger("Orders").IsEnabled(LogLevel.Warning));
        Assert.True(factory.CreateLogger("Orders").IsEnabled(LogLevel.Error));
        Assert.True(factory.CreateLogger("Noisy").IsEnabled(LogLevel.Trace));
        await app.DisposeAsync();
    }

    [Fact]
    public void AWS_LAMBDA_LOG_FORMAT_JSON_selects_json_lines()
    {
        Environment.SetEnvironmentVariable("AWS_LAMBDA_LOG_FORMAT", "JSON");
        Assert.Equal(LambdaLogFormat.Json, new LambdaLoggerOptions().Format);
        Environment.SetEnvironmentVariable("AWS_LAMBDA_LOG_FORMAT", "Text");
        Assert.Equal(LambdaLogFormat.Text, new LambdaLoggerOptions().Format);
    }

    [Theory]
    [InlineData("zero")]
    [InlineData("0")]
    [InlineData("-4")]
    [InlineData("1.5")]
    public async Task Invalid_AWS_LAMBDA_MAX_CONCURRENCY_fails_init_and_says_so(string value)
    {
        Environment.SetEnvironmentVariable("AWS_LAMBDA_MAX_CONCURRENCY", value);
        var app = TestApps.Builder().Build();
        app.MapHandler(_ => ValueTask.CompletedTask);

        var error = await Assert.ThrowsAsync<LambdaFunctionException>(() => LambdaTestHost.StartAsync(app));
        Assert.Equal(LambdaErrorTypes.InitFailed, error.ErrorType);
        Assert.Equal($"AWS_LAMBDA_MAX_CONCURRENCY must be a positive integer (was '{value}').", error.Message);
    }

    [Fact]
    public async Task AWS_LAMBDA_MAX_CONCURRENCY_sets_the_number_of_loops()
    {
        Environment.SetEnvironmentVariable("AWS_LAMBDA_MAX_CONCURRENCY", "8");
        var app = TestApps.Builder().Build();

        Assert.Equal(8, app.Services.GetRequiredService<IOptions<LambdaRuntimeOptions>>().Value.MaxConcurrency);
        await app.DisposeAsync();
    }

    [Fact]
    public async Task Function_information_and_configuration_come_from_the_environment()
    {
        Environment.SetEnvironmentVariable("AWS_LAMBDA_FUNCTION_NAME", "orders");
        Environment.SetEnvironmentVariable("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512");
        Environment.SetEnvironmentVariable("Orders__Table", "orders-prod");
        var app = LambdaApplication.CreateBuilder(["--Orders:Region=eu-west-1"]).Build();

        var info = app.Services.GetRequiredService<LambdaFunctionInfo>();
        Assert.Equal("orders", info.Name);
        Assert.Equal(512, info.MemorySizeMb);
        Assert.Equal("orders-prod", app.Configuration["Orders:Table"]);
        Assert.Equal("eu-west-1", app.Configuration["Orders:Region"]);
        await app.DisposeAsync();
    }
}
