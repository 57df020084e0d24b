using System.Text;
using Lambda.Toolkit;
using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace PlatformHooks.Tests;

/// <summary>The sample built as template.yaml deploys it, with its logs captured, under the in-process test host.</summary>
internal sealed class Function : IAsyncDisposable
{
    /// <summary>The key the bundled authorizer events present (template.yaml passes the real ones in PlatformHooks__ApiKeys).</summary>
    public const string OrdersAppToken = "orders-app-demo-7Qm2xV9pL4";

    public const string ApiKeys = "--PlatformHooks:ApiKeys=orders-app=" + OrdersAppToken + ",reporting=reporting-demo-Hq83nZ2kT0";

    private readonly MemoryStream _log;

    private Function(LambdaApplication app, LambdaTestHost host, MemoryStream log)
    {
        App = app;
        Host = host;
        _log = log;
    }

    public LambdaApplication App { get; }

    public LambdaTestHost Host { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>What the function logged so far.</summary>
    public string Log => Encoding.UTF8.GetString(_log.ToArray());

    public static string Event(string file) => Path.Combine(AppContext.BaseDirectory, "events", file);

    public static async Task<Function> StartAsync(params string[] args)
    {
        var log = new MemoryStream();
        var app = PlatformHooksFunction.Build(args.Length == 0 ? [ApiKeys] : args, services =>
            services.Configure<LambdaLoggerOptions>(o => o.Output = log));
        var host = await LambdaTestHost.StartAsync(app);
        return new Function(app, host, log);
    }

    public Task<TestInvocationResult> InvokeFileAsync(string file) => Host.InvokeFileAsync(Event(file));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _log.DisposeAsync();
    }
}
