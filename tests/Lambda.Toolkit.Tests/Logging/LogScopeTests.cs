using System.Text.Json;
using Lambda.Toolkit.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Tests.Logging;

[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1848", Justification = "These tests exercise the logger through the ILogger extension methods users call.")]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1873", Justification = "These tests exercise the logger through the ILogger extension methods users call.")]
public sealed partial class LogScopeTests
{
    private static async Task<JsonElement> OneJsonLine(Action<ILogger> log)
    {
        await using var capture = await LogCapture.StartAsync((logger, _) =>
        {
            log(logger);
            return ValueTask.CompletedTask;
        });
        await capture.InvokeAsync();
        return Assert.Single(capture.Json);
    }

    [Fact]
    public async Task A_dictionary_scope_becomes_keys_of_the_line()
    {
        var line = await OneJsonLine(logger =>
        {
            using (logger.BeginScope(new Dictionary<string, object?> { ["tenant"] = "acme", ["attempt"] = 2 }))
            {
                logger.LogInformation("Shipped");
            }
        });

        Assert.Equal("acme", line.GetProperty("tenant").GetString());
        Assert.Equal(2, line.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task A_message_template_scope_gives_its_properties_without_the_template()
    {
        var line = await OneJsonLine(logger =>
        {
            using (logger.BeginScope("Order {OrderId} for {Customer}", 42, "ann"))
            {
                logger.LogInformation("Shipped");
            }
        });

        Assert.Equal(42, line.GetProperty("OrderId").GetInt32());
        Assert.Equal("ann", line.GetProperty("Customer").GetString());
        Assert.False(line.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public async Task A_plain_value_scope_goes_under_the_scope_key()
    {
        var line = await OneJsonLine(logger =>
        {
            using (logger.BeginScope(17.5m))
            {
                logger.LogInformation("Shipped");
            }
        });

        Assert.Equal(17.5m, line.GetProperty(LambdaLogKeys.Scope).GetDecimal());
    }

    [Fact]
    public async Task A_string_dictionary_scope_is_read_too()
    {
        var line = await OneJsonLine(logger =>
        {
            using (logger.BeginScope(new Dictionary<string, string?> { ["region"] = "eu-west-1" }))
            {
                logger.LogInformation("Shipped");
            }
        });

        Assert.Equal("eu-west-1", line.GetProperty("region").GetString());
    }

    [Fact]
    public async Task Nested_scopes_merge_and_the_inner_one_wins_and_the_message_wins_over_both()
    {
        await using var capture = await LogCapture.StartAsync((logger, _) =>
        {
            using (logger.BeginScope(new Dictionary<string, object?> { ["a"] = "outer", ["b"] = "outer", ["c"] = "outer" }))
            {
                using (logger.BeginScope(new Dictionary<string, object?> { ["b"] = "inner", ["c"] = "inner" }))
                {
                    LogWithC(logger, "message");
                }

                logger.LogInformation("After the inner scope");
            }

            logger.LogInformation("After both");
            return ValueTask.CompletedTask;
        });
        await capture.InvokeAsync();

        var lines = capture.Json;
        Assert.Equal(3, lines.Length);
        Assert.Equal("outer", lines[0].GetProperty("a").GetString());
        Assert.Equal("inner", lines[0].GetProperty("b").GetString());
        Assert.Equal("message", lines[0].GetProperty("c").GetString());
        Assert.Equal("outer", lines[1].GetProperty("b").GetString());
        Assert.False(lines[2].TryGetProperty("a", out _));

        // No key is written twice.
        var names = lines[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task Reserved_keys_cannot_be_overwritten_by_a_scope_or_a_message_property()
    {
        var line = await OneJsonLine(logger =>
        {
            using (logger.BeginScope(new Dictionary<string, object?> { ["level"] = "DEBUG", ["requestId"] = "forged", ["coldStart"] = "nope", ["functionName"] = "other" }))
            {
                LogWithRequestId(logger, "forged-too");
            }
        });

        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal("req-1", line.GetProperty("requestId").GetString());
        Assert.Equal("test-function", line.GetProperty("functionName").GetString());
        Assert.Equal(JsonValueKind.True, line.GetProperty("coldStart").ValueKind);
        Assert.Single(line.EnumerateObject(), p => p.Name == "requestId");
    }

    [Fact]
    public async Task Scopes_flow_across_awaits_and_stay_apart_between_concurrent_flows()
    {
        await using var capture = await LogCapture.StartAsync(async (logger, _) =>
        {
            async Task Work(string name)
            {
                using (logger.BeginScope(new Dictionary<string, object?> { ["worker"] = name }))
                {
                    await Task.Yield();
                    logger.LogInformation("Working {Name}", name);
                    await Task.Delay(1);
                    logger.LogInformation("Done {Name}", name);
                }
            }

            await Task.WhenAll(Work("a"), Work("b"), Work("c"));
        });
        await capture.InvokeAsync();

        var lines = capture.Json;
        Assert.Equal(6, lines.Length);
        Assert.All(lines, l => Assert.Equal(l.GetProperty("Name").GetString(), l.GetProperty("worker").GetString()));
    }

    [Fact]
    public async Task Text_lines_show_the_scope_keys_after_the_message()
    {
        await using var capture = await LogCapture.StartAsync(
            (logger, _) =>
            {
                using (logger.BeginScope(new Dictionary<string, object?> { ["messageId"] = "m-1", ["attempt"] = 2 }))
                {
                    logger.LogInformation("Shipped");
                }

                logger.LogInformation("No scope");
                return ValueTask.CompletedTask;
            },
            format: LambdaLogFormat.Text);
        await capture.InvokeAsync();

        var lines = capture.Lines;
        Assert.Equal("Shipped [messageId=m-1, attempt=2]", lines[0].Split('\t')[3]);
        Assert.Equal("No scope", lines[1].Split('\t')[3]);
    }

    [Fact]
    public async Task Every_line_carries_the_standard_keys()
    {
        LambdaFunctionInfo? function = null;
        await using var capture = await LogCapture.StartAsync((logger, context) =>
        {
            function = context.Function;
            logger.LogInformation("Hello");
            return ValueTask.CompletedTask;
        });
        await capture.InvokeAsync("req-1", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1");
        await capture.InvokeAsync("req-2", "Parent=53995c3f42cd8ad8;Sampled=0");

        var lines = capture.Json;
        Assert.Equal(2, lines.Length);
        var first = lines[0];
        Assert.True(DateTimeOffset.TryParse(first.GetProperty("timestamp").GetString(), out _));
        Assert.Equal("INFO", first.GetProperty("level").GetString());
        Assert.Equal("Hello", first.GetProperty("message").GetString());
        Assert.Equal("req-1", first.GetProperty("requestId").GetString());
        Assert.Equal("1-5759e988-bd862e3fe1be46a994272793", first.GetProperty("traceId").GetString());
        Assert.Equal("test-function", function!.Name);
        Assert.Equal(function.Name, first.GetProperty("functionName").GetString());
        Assert.Equal(function.Version, first.GetProperty("functionVersion").GetString());
        Assert.True(first.GetProperty("coldStart").GetBoolean());

        Assert.False(lines[1].GetProperty("coldStart").GetBoolean());
        Assert.False(lines[1].TryGetProperty("traceId", out _));
    }

    [Fact]
    public async Task An_exception_gives_error_type_message_and_stack_trace()
    {
        var line = await OneJsonLine(logger =>
        {
            try
            {
                throw new InvalidOperationException("card declined");
            }
            catch (InvalidOperationException ex)
            {
                logger.LogError(ex, "Payment failed");
            }
        });

        Assert.Equal("System.InvalidOperationException", line.GetProperty("errorType").GetString());
        Assert.Equal("card declined", line.GetProperty("errorMessage").GetString());
        Assert.NotEmpty(line.GetProperty("stackTrace").EnumerateArray());
    }

    [Theory]
    [InlineData("Root=1-abc;Parent=def;Sampled=1", "1-abc")]
    [InlineData("Sampled=1;Root=1-abc", "1-abc")]
    [InlineData(" root=1-abc ; Parent=def", "1-abc")]
    [InlineData("1-abc", "1-abc")]
    [InlineData("Parent=def;Sampled=1", "")]
    [InlineData("", "")]
    public void The_trace_id_is_the_root_of_the_header(string header, string expected) =>
        Assert.Equal(expected, Lambda.Toolkit.Runtime.XRayTraceHeader.Root(header).ToString());

    [LoggerMessage(Level = LogLevel.Information, Message = "Order with {c}")]
    private static partial void LogWithC(ILogger logger, string c);

    [LoggerMessage(Level = LogLevel.Information, Message = "Trying {requestId}")]
    private static partial void LogWithRequestId(ILogger logger, string requestId);
}
