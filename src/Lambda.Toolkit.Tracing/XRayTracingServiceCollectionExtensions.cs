using Lambda.Toolkit.Tracing.XRay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddOptions<XRayTracingOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton<XRayExporter>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LambdaRuntimeOptions>, XRayTracingStarter>());
        return services;
    }
}
