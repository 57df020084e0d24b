using System.Text;
using System.Text.Json;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Tests.Logging;

/// <summary>An application whose handler logs through a callback, with its lines captured.</summary>
internal sealed class LogCapture : IAsyncDisposable
{
    private readonly MemoryStream _output = new();

    private LogCapture()
    {
    }

    public LambdaTestHost Host { get; private set; } = null!;

    public static async Task<LogCapture> StartAsync(
        Func<ILogger, InvocationContext, ValueTask> handler,
        Action<LambdaLoggerOptions>? options = null,
        LambdaEnvironment? environment = null,
        LogLevel minLevel = LogLevel.Information,
        LambdaLogFormat format = LambdaLogFormat.Json)
    {
        var capture = new LogCapture();
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = environment ?? new LambdaEnvironment { FunctionName = "orders", FunctionVersion = "7" } });
        builder.Logging.SetMinimumLevel(minLevel);
        builder.Services.Configure<LambdaLoggerOptions>(o =>
        {
            o.Output = capture._output;
            o.Format = format;
            options?.Invoke(o);
        });
        var app = builder.Build();
        app.MapHandler(context => handler(context.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orders"), context));
        capture.Host = await LambdaTestHost.StartAsync(app);
        return capture;
    }

    public string Text => Encoding.UTF8.GetString(_output.ToArray());

    public string[] Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public JsonElement[] Json => [.. Lines.Select(static l => JsonDocument.Parse(l).RootElement)];

    /// <summary>The messages of the lines, in order, leaving out the runtime's own failure lines.</summary>
    public string[] Messages => [.. Json.Where(static j => j.GetProperty("category").GetString() == "Orders" || j.GetProperty("category").GetString() == "Lambda.Toolkit.Logging").Select(static j => j.GetProperty("message").GetString()!)];

    public Task<TestInvocationResult> InvokeAsync(string requestId = "req-1", string? traceId = null) =>
        Host.InvokeAsync("{}", new TestInvocation { RequestId = requestId, TraceId = traceId });

    public void Clear() => _output.SetLength(0);

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
