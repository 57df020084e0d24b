using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Tests.Logging;

public partial class LambdaLoggerTests
{
    private static async Task<string[]> LogFromHandler(LambdaLogFormat format, Action<ILogger> log, string requestId = "req-42")
    {
        var output = new MemoryStream();
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
        builder.Services.Configure<LambdaLoggerOptions>(o =>
        {
            o.Output = output;
            o.Format = format;
        });
        var app = builder.Build();
        app.MapHandler(context =>
        {
            log(context.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders"));
            return ValueTask.CompletedTask;
        });
        await using var host = await LambdaTestHost.StartAsync(app);
        await host.InvokeAsync("{}", new TestInvocation { RequestId = requestId, TraceId = "Root=1-abc" });
        return Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task Text_lines_carry_timestamp_request_id_level_and_message()
    {
        var lines = await LogFromHandler(LambdaLogFormat.Text, logger => LogOrder(logger, 7, "book"));

        var line = Assert.Single(lines);
        var parts = line.Split('\t');
        Assert.Equal(4, parts.Length);
        Assert.True(DateTimeOffset.TryParse(parts[0], out _));
        Assert.EndsWith("Z", parts[0]);
        Assert.Equal("req-42", parts[1]);
        Assert.Equal("INFO", parts[2]);
        Assert.Equal("Order 7 for book", parts[3]);
    }

    [Fact]
    public async Task Text_entry_with_an_exception_stays_one_line()
    {
        var lines = await LogFromHandler(LambdaLogFormat.Text, logger => LogFailed(logger, new InvalidOperationException("broken\nbadly")));

        var line = Assert.Single(lines);
        Assert.Contains("\tERROR\tPayment failed\rSystem.InvalidOperationException: broken\rbadly", line);
    }

    [Fact]
    public async Task Json_lines_carry_structured_state_and_the_exception()
    {
        var lines = await LogFromHandler(LambdaLogFormat.Json, logger =>
        {
            LogOrder(logger, 7, "book");
            LogFailed(logger, new InvalidOperationException("card declined"));
        });

        Assert.Equal(2, lines.Length);
        using var info = JsonDocument.Parse(lines[0]);
        var root = info.RootElement;
        Assert.Equal("INFO", root.GetProperty("level").GetString());
        Assert.Equal("req-42", root.GetProperty("requestId").GetString());
        Assert.Equal("1-abc", root.GetProperty("traceId").GetString());
        Assert.Equal("Orders", root.GetProperty("category").GetString());
        Assert.Equal("Order 7 for book", root.GetProperty("message").GetString());
        Assert.Equal(7, root.GetProperty("OrderId").GetInt32());
        Assert.Equal("book", root.GetProperty("Item").GetString());
        Assert.True(DateTimeOffset.TryParse(root.GetProperty("timestamp").GetString(), out _));

        using var error = JsonDocument.Parse(lines[1]);
        Assert.Equal("ERROR", error.RootElement.GetProperty("level").GetString());
        Assert.Equal("System.InvalidOperationException", error.RootElement.GetProperty("errorType").GetString());
        Assert.Equal("card declined", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(JsonValueKind.Array, error.RootElement.GetProperty("stackTrace").ValueKind);
    }

    [Fact]
    public async Task Logs_outside_an_invocation_have_no_request_id()
    {
        var output = new MemoryStream();
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
        builder.Services.Configure<LambdaLoggerOptions>(o => { o.Output = output; o.Format = LambdaLogFormat.Json; });
        var app = builder.Build();
        LogOrder(app.Logger, 1, "init");
        await app.DisposeAsync();

        using var line = JsonDocument.Parse(Encoding.UTF8.GetString(output.ToArray()).Trim());
        Assert.False(line.RootElement.TryGetProperty("requestId", out _));
    }

    [Theory]
    [InlineData("TRACE", LogLevel.Trace)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("INFO", LogLevel.Information)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("ERROR", LogLevel.Error)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData("verbose", null)]
    [InlineData(null, null)]
    public void Lambda_log_levels_map_to_LogLevel(string? value, LogLevel? expected) =>
        Assert.Equal(expected, LambdaLogLevel.Parse(value));

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} for {Item}")]
    private static partial void LogOrder(ILogger logger, int orderId, string item);

    [LoggerMessage(Level = LogLevel.Error, Message = "Payment failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
