using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Tracing.XRay;

/// <summary>
/// Starts the exporter at init: the runtime options are read once while the application initialises, and this
/// configurer depends on the <see cref="XRayExporter"/>, so the exporter (and its listener) exists before the first
/// invocation, and invalid options fail init rather than an invocation.
/// </summary>
internal sealed class XRayTracingStarter(XRayExporter exporter) : IConfigureOptions<LambdaRuntimeOptions>
{
    /// <summary>The exporter, started by the time this configurer exists.</summary>
    public XRayExporter Exporter { get; } = exporter;

    public void Configure(LambdaRuntimeOptions options)
    {
    }
}
