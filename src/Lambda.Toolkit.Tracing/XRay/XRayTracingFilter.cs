using Lambda.Toolkit.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Tracing.XRay;

/// <summary>
/// Starts the exporter at init, with the application's other parts, so its listener exists before the first
/// invocation and invalid options fail init rather than an invocation. It adds no middleware: the activities come from
/// the toolkit's own sources, which the exporter listens to.
/// </summary>
internal sealed class XRayTracingFilter : IPipelineFilter
{
    public string Name => "X-Ray tracing";

    public Func<InvocationDelegate, InvocationDelegate>? Build(PipelineBuildContext context)
    {
        _ = context.Services.GetRequiredService<XRayExporter>();
        return null;
    }
}
