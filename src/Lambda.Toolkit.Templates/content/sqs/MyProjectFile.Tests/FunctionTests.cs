using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing;

namespace MyFunction.Tests;

public class FunctionTests
{
    [Fact]
    public async Task Reports_only_the_invalid_message()
    {
        await using var host = await LambdaTestHost.StartAsync(Function.Build([]));

        var result = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", "sqs-batch.json"));

        var failures = result.ReadResponse(LambdaEventsJsonContext.Default.BatchResponse).BatchItemFailures;
        Assert.Equal("9f2c1a0e-0002-4000-8000-000000000002", Assert.Single(failures).ItemIdentifier);
    }
}
