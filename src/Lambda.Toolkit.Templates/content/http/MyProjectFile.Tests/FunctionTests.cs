using System.Text.Json;
using Lambda.Toolkit.Testing;

namespace MyFunction.Tests;

public class FunctionTests
{
    [Fact]
    public async Task Greets_by_route_value()
    {
        await using var host = await LambdaTestHost.StartAsync(Function.Build([]));

        var result = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", "get-hello.json"));

        using var response = JsonDocument.Parse(result.Response);
        Assert.Equal(200, response.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Contains("Hello, world!", response.RootElement.GetProperty("body").GetString());
    }
}
