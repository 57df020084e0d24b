using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Tests;

/// <summary>Builds small applications for tests, with logs captured instead of written to stdout.</summary>
internal static class TestApps
{
    /// <summary>A builder with <paramref name="environment"/>, or an empty Lambda environment: nothing comes from the test process's variables.</summary>
    public static LambdaApplicationBuilder Builder(MemoryStream? logs = null, FakeTimeProvider? time = null, LambdaEnvironment? environment = null)
    {
        var builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = environment ?? new LambdaEnvironment() });
        builder.ServiceProviderOptions.ValidateScopes = true;
        var output = logs ?? new MemoryStream();
        builder.Services.Configure<LambdaLoggerOptions>(o => o.Output = output);
        if (time is not null)
        {
            builder.Services.AddSingleton<TimeProvider>(time);
        }

        return builder;
    }

    public static Task<LambdaTestHost> StartAsync(LambdaApplication app, FakeTimeProvider? time = null) =>
        LambdaTestHost.StartAsync(app, new LambdaTestHostOptions { TimeProvider = time });

    public static Task<TestInvocationResult> InvokeOrder(this LambdaTestHost host, int id = 1, TestInvocation? invocation = null) =>
        host.InvokeAsync(new Order(id, "book"), TestJsonContext.Default.Order, invocation);
}
