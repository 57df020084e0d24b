namespace Lambda.Toolkit.Emulator.Tests;

/// <summary>Runner details that need no process (the processes themselves are tested in Lambda.Toolkit.Local.Tests).</summary>
public sealed class FunctionProcessTests
{
    [Theory]
    [InlineData("dotnet", "/var/task/OrdersApi.dll", "OrdersApi")]
    [InlineData("dotnet", "/var/task/bootstrap.DLL", "bootstrap")]
    [InlineData("/var/task/bootstrap", null, "bootstrap")]
    public void The_handler_is_the_assembly_or_executable_name(string fileName, string? argument, string handler)
    {
        Assert.Equal(handler, FunctionProcess.HandlerName(fileName, argument is null ? [] : [argument]));
    }

    [Fact]
    public async Task A_missing_target_fails_before_anything_starts()
    {
        await using var emulator = await RuntimeApiEmulator.StartAsync();
        var statuses = new List<string>();

        var ex = await Assert.ThrowsAsync<FunctionProcessException>(() => FunctionProcess.StartAsync(emulator, new FunctionProcessOptions { Target = "/nonexistent/function.dll", OnStatus = statuses.Add }));

        Assert.Equal("/nonexistent/function.dll does not exist.", ex.Message);
        Assert.Empty(statuses);
    }
}
