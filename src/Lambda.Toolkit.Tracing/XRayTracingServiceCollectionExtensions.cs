using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Tracing.XRay;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Tracing;

/// <summary>Registers the X-Ray exporter.</summary>
public static class XRayTracingServiceCollectionExtensions
{
    /// <summary>
    /// Sends the toolkit's activities (one per invocation, batch record and HTTP route, plus any source added to
    /// <see cref="XRayTracingOptions.Sources"/>) to the X-Ray daemon when <c>AWS_XRAY_DAEMON_ADDRESS</c> is set and the
    /// invocation is sampled (<c>Sampled=1</c> in its trace header): each as a subsegment of the Lambda function segment,
    /// one UDP datagram when it stops. The listener starts at init; sends never block or fail an invocation (a failed
    /// send is counted and dropped). Invalid options fail init with every problem listed.
    /// </summary>
    /// <param name="services">The function's services.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddXRayTracing(this IServiceCollection services, Action<XRayTracingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        // One options object, set here and read once at init (no IOptions<T>: cheaper at init).
        var options = services.GetOrAddOptions<XRayTracingOptions>(out var added);
        if (added)
        {
            services.AddSingleton(static sp => new XRayExporter(sp.GetRequiredService<XRayTracingOptions>(), sp.GetService<IConfiguration>(), sp.GetService<ILoggerFactory>()));
            services.AddSingleton<IPipelineFilter>(static _ => new XRayTracingFilter());
        }

        configure?.Invoke(options);
        return services;
    }
}
