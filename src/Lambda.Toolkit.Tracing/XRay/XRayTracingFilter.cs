using Lambda.Toolkit.Adapters;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tracing.XRay;

/// <summary>
/// Checks the options at init, with the application's other parts, so invalid options fail init rather than an
/// invocation, and starts the exporter when a daemon address is configured, so its listener exists before the first
/// invocation. It adds no middleware: the activities come from the toolkit's own sources, which the exporter listens to.
/// Without a daemon address (active tracing off) the exporter is never created: a function pays for the options check
/// and one configuration read, nothing more.
/// </summary>
internal sealed class XRayTracingFilter : IPipelineFilter
{
    public string Name => "X-Ray tracing";

    public Func<InvocationDelegate, InvocationDelegate>? Build(PipelineBuildContext context)
    {
        var options = context.Services.GetRequiredService<XRayTracingOptions>();
        var configured = options.DaemonAddress ?? context.Services.GetService<IConfiguration>()?[XRayTracingDefaults.DaemonAddressVariable];
        if (string.IsNullOrWhiteSpace(configured))
        {
            context.AddProblems(options.Validate());
            return null;
        }

        // The exporter checks the options and the address itself and throws with every problem: one init problem.
        _ = context.Services.GetRequiredService<XRayExporter>();
        return null;
    }
}
