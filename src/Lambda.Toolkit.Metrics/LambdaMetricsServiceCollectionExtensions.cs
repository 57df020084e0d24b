using Lambda.Toolkit.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Metrics;

/// <summary>Adds CloudWatch metrics (Embedded Metric Format) to a function's services.</summary>
public static class LambdaMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Adds metrics: an injectable <see cref="ILambdaMetrics"/> for the running invocation, and a middleware that the
    /// application wraps around its whole pipeline at init (an <see cref="IPipelineFilter"/>: nothing else to call, and
    /// it always runs outside every <c>app.Use</c> middleware). When an invocation ends, however it ends, the middleware
    /// writes what it recorded to stdout as Embedded Metric Format documents, with the adapters' built-in metrics and,
    /// once per execution environment, <c>ColdStart</c>. Priming invocations and warm-up pings write nothing.
    /// </summary>
    /// <remarks>
    /// Options come from <paramref name="configure"/>, then from the <c>LambdaMetrics</c> configuration section
    /// (environment variables <c>LambdaMetrics__Namespace</c>, ...), and are validated at init: a missing
    /// <see cref="LambdaMetricsOptions.Namespace"/> fails init rather than dropping metrics. Calling this twice adds the
    /// second configuration to the first. An invocation abandoned at its deadline (a handler that ignored its token) writes its
    /// metrics when its handler finally returns, if the execution environment lives that long.
    /// </remarks>
    /// <param name="services">The function's services.</param>
    /// <param name="configure">Sets the options in code, for example <c>o =&gt; o.Namespace = "Orders"</c>.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddLambdaMetrics(this IServiceCollection services, Action<LambdaMetricsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // One options object, set here and read once at init (no IOptions<T>: cheaper at init).
        var options = services.GetOrAddOptions<LambdaMetricsOptions>(out var added);
        if (added)
        {
            services.AddSingleton(static sp => new MetricsRuntime(
                MetricsConfiguration.Apply(sp.GetRequiredService<LambdaMetricsOptions>(), sp.GetService<IConfiguration>()),
                sp.GetService<LambdaFunctionInfo>() ?? new LambdaFunctionInfo(string.Empty, string.Empty, 0, string.Empty, string.Empty),
                sp.GetService<TimeProvider>() ?? TimeProvider.System));
            services.AddSingleton<ILambdaMetrics>(static sp => new LambdaMetrics(sp.GetRequiredService<MetricsRuntime>()));
            services.AddSingleton<IPipelineFilter>(static _ => new MetricsPipelineFilter());
        }

        configure?.Invoke(options);
        return services;
    }
}
