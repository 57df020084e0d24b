using System.Text;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Tests.Logging;

/// <summary>What the runtime logs about a failed invocation never includes the event: only DEBUG and TRACE lines may.</summary>
public sealed class PayloadLoggingTests
{
    private const string Secret = "SECRET-PAYLOAD-19c2";

    [Theory]
    [InlineData(LambdaLogFormat.Json)]
    [InlineData(LambdaLogFormat.Text)]
    public async Task Failed_invocations_log_no_payload_at_info_or_above(LambdaLogFormat format)
    {
        var output = new MemoryStream();
        var builder = TestApps.Builder(output);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Format = format);
        var app = builder.Build();
        app.MapHandler((order, _, _) => order.Item == "fail" ? throw new InvalidOperationException("cannot ship") : ValueTask.CompletedTask, TestJsonContext.Default.Order);
        await using var host = await TestApps.StartAsync(app);

        var wrongType = await host.InvokeAsync($$"""{"id":"{{Secret}}","item":"{{Secret}}"}""");
        var notJson = await host.InvokeAsync($$"""{"id":1,"item":"{{Secret}}" """);
        var handlerFailed = await host.InvokeAsync($$"""{"id":1,"item":"fail","note":"{{Secret}}"}""");

        Assert.All([wrongType, notJson, handlerFailed], r => Assert.False(r.IsSuccess));
        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.DoesNotContain(Secret, l, StringComparison.Ordinal));
    }
}
