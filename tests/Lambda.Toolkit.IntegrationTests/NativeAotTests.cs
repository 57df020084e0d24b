using System.Diagnostics;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.IntegrationTests;

/// <summary>The OrdersApi sample published with Native AOT (zero warnings) and run as a bootstrap against the emulator.</summary>
public sealed class NativeAotTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "lambda-toolkit-aot-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    [Fact]
    public async Task OrdersApi_publishes_as_a_native_bootstrap_and_answers_events()
    {
        var start = new ProcessStartInfo("dotnet", ["publish", Repository.Path("samples", "OrdersApi", "OrdersApi.csproj"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", _output, "--nologo"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var publish = Process.Start(start)!;
        var stdout = publish.StandardOutput.ReadToEndAsync();
        var stderr = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        var log = await stdout + await stderr;

        Assert.True(publish.ExitCode == 0, "Native AOT publish failed (is clang installed? .ci/prepare.d installs it):\n" + log);
        Assert.DoesNotContain(" warning ", log, StringComparison.OrdinalIgnoreCase);
        var bootstrap = Path.Combine(_output, "bootstrap");
        Assert.True(File.Exists(bootstrap));

        await using var emulator = await RuntimeApiEmulator.StartAsync();
        await using var function = await FunctionProcess.StartAsync(emulator, new FunctionProcessOptions { Target = bootstrap });
        var created = await emulator.InvokeAsync(await File.ReadAllBytesAsync(Repository.Path("samples", "OrdersApi", "events", "create-order.json"))).WaitAsync(TimeSpan.FromSeconds(30));
        var listed = await emulator.InvokeAsync(await File.ReadAllBytesAsync(Repository.Path("samples", "OrdersApi", "events", "list-orders-v1.json"))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(created.IsSuccess, created.BodyText);
        Assert.Contains("\"statusCode\":201", created.BodyText);
        Assert.Contains("\"statusCode\":200", listed.BodyText);
        Assert.Contains("\\\"total\\\":1", listed.BodyText);
        Assert.NotNull(function.InitDuration);
    }
}
