using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lambda.Toolkit.Metrics.Tests;

/// <summary>Builds a function with metrics written into memory, on a fake clock, with the function name Lambda would set.</summary>
internal sealed class MetricsHost
{
    public const string FunctionName = "orders-fn";

    public MetricsHost(Action<LambdaMetricsOptions>? configure = null, IReadOnlyDictionary<string, string>? variables = null)
    {
        var environment = new Dictionary<string, string> { ["AWS_LAMBDA_FUNCTION_NAME"] = FunctionName, ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST" };
        foreach (var (key, value) in variables ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        Builder = LambdaApplication.CreateBuilder(new LambdaApplicationOptions { Environment = LambdaEnvironment.FromVariables(environment) });
        Builder.Services.AddSingleton<TimeProvider>(Time);
        Builder.Services.AddLambdaMetrics(o =>
        {
            o.Namespace = "Orders";
            o.Output = Output;
            configure?.Invoke(o);
        });
    }

    public LambdaApplicationBuilder Builder { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 2, 11, 0, 0, TimeSpan.Zero));

    public MemoryStream Output { get; } = new();

    public IReadOnlyList<System.Text.Json.Nodes.JsonObject> Documents => EmfDocuments.Read(Output);

    public Task<LambdaTestHost> StartAsync(LambdaApplication app) =>
        LambdaTestHost.StartAsync(app, new LambdaTestHostOptions { FunctionName = FunctionName, TimeProvider = Time });
}
