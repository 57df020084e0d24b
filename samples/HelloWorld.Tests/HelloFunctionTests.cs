using HelloWorld;
using Lambda.Toolkit;
using Lambda.Toolkit.Testing;

namespace HelloWorld.Tests;

public class HelloFunctionTests
{
    private static string EventFile(string name) =>
        Path.Combine(AppContext.BaseDirectory, "events", name);

    [Fact]
    public async Task Greets_the_name_in_the_sample_event()
    {
        await using var host = await LambdaTestHost.StartAsync(HelloFunction.Build([]));

        var result = await host.InvokeFileAsync(EventFile("hello.json"), new TestInvocation { RequestId = "r-1" });

        var response = result.ReadResponse(HelloJsonContext.Default.HelloResponse);
        Assert.Equal(new HelloResponse("Hello, Lambda.Toolkit!", "r-1"), response);
    }

    [Fact]
    public async Task A_missing_name_is_a_named_error()
    {
        await using var host = await LambdaTestHost.StartAsync(HelloFunction.Build([]));

        var result = await host.InvokeFileAsync(EventFile("missing-name.json"));

        Assert.Equal("HelloWorld.NameMissing", result.Error!.ErrorType);
    }

    [Fact]
    public async Task A_malformed_event_is_an_InvalidEvent_error()
    {
        await using var host = await LambdaTestHost.StartAsync(HelloFunction.Build([]));

        var result = await host.InvokeAsync("""{"name": 42}""");

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
    }
}
