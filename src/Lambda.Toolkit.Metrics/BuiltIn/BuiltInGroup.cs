using System.Globalization;
using Lambda.Toolkit.Metrics.Emf;

namespace Lambda.Toolkit.Metrics.BuiltIn;

/// <summary>
/// An invocation's built-in measurements that share one set of tags: they become one document whose dimensions are
/// the default ones and these tags (an SQS batch's counts by <c>EventSource</c>; a request's count and latency by
/// <c>Method</c>, <c>Route</c> and <c>StatusClass</c>).
/// </summary>
internal sealed class BuiltInGroup
{
    private readonly KeyValuePair<string, object?>[] _tags;
    private readonly List<MetricSeries> _metrics = new(2);
    private readonly List<BuiltInInstrument> _instruments = new(2);

    public BuiltInGroup(ReadOnlySpan<KeyValuePair<string, object?>> tags, MetricsRuntime runtime)
    {
        _tags = tags.ToArray();
        var dimensions = new List<KeyValuePair<string, string>>(tags.Length);
        foreach (var (key, value) in tags)
        {
            var name = runtime.BuiltInDimensionName(key);
            if (dimensions.Count < EmfRules.MaxBuiltInDimensions && !runtime.IsDefaultDimension(name) && !Contains(dimensions, name)
                && EmfRules.Sanitize(Text(value)) is { } text)
            {
                dimensions.Add(new(name, text));
            }
        }

        Dimensions = dimensions;
    }

    /// <summary>The tags as dimensions, after the default ones: printable ASCII, at most three.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Dimensions { get; }

    public IReadOnlyList<MetricSeries> Metrics => _metrics;

    public bool Matches(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length != _tags.Length)
        {
            return false;
        }

        for (var i = 0; i < tags.Length; i++)
        {
            if (!string.Equals(tags[i].Key, _tags[i].Key, StringComparison.Ordinal) || !Equals(tags[i].Value, _tags[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public void Add(BuiltInInstrument instrument, double value)
    {
        var index = _instruments.IndexOf(instrument);
        if (index < 0)
        {
            _instruments.Add(instrument);
            var series = new MetricSeries(instrument.Name, instrument.Unit, MetricResolution.Standard);
            series.Values.Add(value);
            _metrics.Add(series);
        }
        else if (instrument.Sums)
        {
            _metrics[index].Values[0] += value;
        }
        else
        {
            _metrics[index].Values.Add(value);
        }
    }

    /// <summary>Whether <paramref name="name"/> is already a dimension (a loop, not a closure: nothing to allocate or to compile per call site).</summary>
    private static bool Contains(List<KeyValuePair<string, string>> dimensions, string name)
    {
        foreach (var dimension in dimensions)
        {
            if (dimension.Key == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string Text(object? value) => value switch
    {
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? string.Empty,
    };
}
