namespace Lambda.Toolkit.Metrics;

/// <summary>One metric of an invocation: its name, unit, resolution and every value added.</summary>
internal sealed class MetricSeries(string name, string unit, MetricResolution resolution)
{
    public string Name { get; } = name;

    /// <summary>The unit's name in the format (an interned constant, compared by reference).</summary>
    public string Unit { get; } = unit;

    public MetricResolution Resolution { get; } = resolution;

    public List<double> Values { get; } = new(1);
}
