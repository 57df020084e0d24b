using Lambda.Toolkit.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Metrics;

/// <summary>
/// Puts the metrics middleware around the whole pipeline at init (an <see cref="IPipelineFilter"/>, so
/// <c>AddLambdaMetrics</c> alone wires it: there is no <c>app.UseMetrics()</c> to forget or to put in the wrong place).
/// Invalid options are init problems; switched-off metrics add no middleware at all.
/// </summary>
internal sealed class MetricsPipelineFilter : IPipelineFilter
{
    public string Name => "Metrics";

    public Func<InvocationDelegate, InvocationDelegate>? Build(PipelineBuildContext context)
    {
        var runtime = context.Services.GetRequiredService<MetricsRuntime>();
        context.AddProblems(runtime.Options.Validate());
        if (context.HasProblems || !runtime.Enabled)
        {
            return null;
        }

        runtime.Start();
        return next => invocation => runtime.InvokeAsync(invocation, next);
    }
}
