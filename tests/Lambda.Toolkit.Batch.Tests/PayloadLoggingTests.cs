using System.Text;
using Lambda.Toolkit.Batch.Kinesis;
using Lambda.Toolkit.Batch.Sqs;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Tests;

/// <summary>What the batch adapters log about failed records never includes the record's payload at INFO or above.</summary>
public sealed class PayloadLoggingTests
{
    private const string Secret = "SECRET-PAYLOAD-b81e";

    private static (LambdaApplication App, MemoryStream Logs) App()
    {
        var logs = new MemoryStream();
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = new LambdaEnvironment() });
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        builder.Services.Configure<LambdaLoggerOptions>(o => { o.Output = logs; o.Format = LambdaLogFormat.Json; });
        return (builder.Build(), logs);
    }

    private static string[] InfoOrAbove(MemoryStream logs) =>
        [.. Encoding.UTF8.GetString(logs.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(static l => !l.Contains("\"level\":\"DEBUG\"", StringComparison.Ordinal) && !l.Contains("\"level\":\"TRACE\"", StringComparison.Ordinal))];

    [Fact]
    public async Task Sqs_records_that_cannot_be_bound_or_fail_log_no_payload()
    {
        var (app, logs) = App();
        app.MapSqs(TestJson.Default.OrderPlaced, (order, _, _) => order.Item == "fail" ? throw new InvalidOperationException("cannot ship") : ValueTask.CompletedTask);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Batches.Sqs(
            Batches.Message("wrong-type", $$"""{"orderId":"{{Secret}}","item":"{{Secret}}"}"""),
            Batches.Message("not-json", $$"""{"orderId":1,"item":"{{Secret}}" """),
            Batches.Message("fails", $$"""{"orderId":1,"item":"fail","note":"{{Secret}}"}""")));

        Assert.Equal(3, result.Failed().Length);
        var lines = InfoOrAbove(logs);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.DoesNotContain(Secret, l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Kinesis_records_that_cannot_be_bound_log_no_payload()
    {
        var (app, logs) = App();
        app.MapKinesis(TestJson.Default.OrderPlaced, (_, _, _) => ValueTask.CompletedTask);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(Batches.Kinesis(("1", $$"""{"orderId":"{{Secret}}"}""")));

        Assert.Single(result.Failed());
        var lines = InfoOrAbove(logs);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.DoesNotContain(Secret, l, StringComparison.Ordinal));
    }
}
