using Lambda.Toolkit.Metrics.Emf;

namespace Lambda.Toolkit.Metrics;

/// <summary>
/// The <see cref="ILambdaMetrics"/> singleton: checks every argument, then records into the current invocation's collector.
/// Switched off, every call returns at once (checking nothing), so metrics that are off cost nothing.
/// </summary>
internal sealed class LambdaMetrics(MetricsRuntime runtime) : ILambdaMetrics
{
    public bool IsEnabled => runtime.Enabled;

    public void AddMetric(string name, MetricUnit unit, double value, MetricResolution resolution = MetricResolution.Standard)
    {
        if (!runtime.Enabled)
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(name);
        if (EmfRules.MetricNameProblem(name) is { } nameProblem)
        {
            throw new ArgumentException($"The metric name {EmfRules.Quote(name)} {nameProblem}", nameof(name));
        }

        var unitName = EmfRules.UnitName(unit)
            ?? throw new ArgumentException($"The unit of metric '{name}' is {(int)unit}, which is not a CloudWatch unit; use a named {nameof(MetricUnit)} value.", nameof(unit));
        if (EmfRules.ValueProblem(value) is { } valueProblem)
        {
            throw new ArgumentException($"The value of metric '{name}' {valueProblem}", nameof(value));
        }

        if (resolution is not (MetricResolution.Standard or MetricResolution.High))
        {
            throw new ArgumentException($"The resolution of metric '{name}' is {(int)resolution}; CloudWatch stores metrics at 60 s ({nameof(MetricResolution.Standard)}) or 1 s ({nameof(MetricResolution.High)}).", nameof(resolution));
        }

        Collector().AddMetric(name, unitName, value, resolution);
    }

    public void AddDimension(string name, string value)
    {
        if (!runtime.Enabled)
        {
            return;
        }

        CheckDimension(name, value, nameof(name));
        Collector().AddDimension(name, value);
    }

    public void AddDimensionSet(params (string Name, string Value)[] dimensions)
    {
        if (!runtime.Enabled)
        {
            return;
        }

        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Length == 0)
        {
            throw new ArgumentException("A dimension set needs at least one dimension; the default dimensions are always published.", nameof(dimensions));
        }

        foreach (var (name, value) in dimensions)
        {
            CheckDimension(name, value, nameof(dimensions));
        }

        Collector().AddDimensionSet(dimensions);
    }

    public void AddMetadata(string key, string value)
    {
        if (!runtime.Enabled)
        {
            return;
        }

        CheckKey(key);
        ArgumentNullException.ThrowIfNull(value);
        Collector().AddMetadata(key, value, 0);
    }

    public void AddMetadata(string key, double value)
    {
        if (!runtime.Enabled)
        {
            return;
        }

        CheckKey(key);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"The metadata value of '{key}' is {value}; JSON has only finite numbers.", nameof(value));
        }

        Collector().AddMetadata(key, null, value);
    }

    private static void CheckDimension(string name, string value, string parameter)
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        ArgumentNullException.ThrowIfNull(value, parameter);
        if (EmfRules.DimensionNameProblem(name) is { } nameProblem)
        {
            throw new ArgumentException($"The dimension name {EmfRules.Quote(name)} {nameProblem}", parameter);
        }

        if (EmfRules.DimensionValueProblem(value) is { } valueProblem)
        {
            throw new ArgumentException($"The value of dimension '{name}' {valueProblem}", parameter);
        }
    }

    private static void CheckKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (EmfRules.MetadataKeyProblem(key) is { } problem)
        {
            throw new ArgumentException($"The metadata key {EmfRules.Quote(key)} {problem}", nameof(key));
        }
    }

    private MetricsCollector Collector() => runtime.Current ?? throw new InvalidOperationException(
        runtime.IsStarted
            ? "No invocation is running on this flow: metrics are recorded during an invocation (in a handler, an endpoint, a middleware or a service they call), not during init or from work an invocation left running."
            : "Metrics are not running yet: they are recorded during invocations, after init has built the pipeline.");
}
