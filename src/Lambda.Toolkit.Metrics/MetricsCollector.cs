using Lambda.Toolkit.Metrics.BuiltIn;
using Lambda.Toolkit.Metrics.Emf;

namespace Lambda.Toolkit.Metrics;

/// <summary>
/// What one invocation recorded: metrics (each with its values), the dimensions and dimension sets it added, its
/// metadata and the built-in measurements, grouped by their tags. A new one per invocation, never reused, so work that
/// outlives its invocation finds it ended instead of writing into the next invocation. Thread-safe: parallel records add to it.
/// </summary>
internal sealed class MetricsCollector(MetricsRuntime runtime)
{
    private readonly object _gate = new();
    private readonly List<MetricSeries> _metrics = [];
    private readonly Dictionary<string, MetricSeries> _byName = new(StringComparer.Ordinal);
    private Dictionary<string, string>? _dimensionValues;
    private List<string>? _primary;
    private List<string[]>? _sets;
    private List<(string Key, string? Text, double Number)>? _metadata;
    private List<BuiltInGroup>? _builtIns;
    private bool _ended;

    public IReadOnlyList<MetricSeries> Metrics => _metrics;

    public IReadOnlyList<BuiltInGroup> BuiltIns => (IReadOnlyList<BuiltInGroup>?)_builtIns ?? [];

    public IReadOnlyList<(string Key, string? Text, double Number)> Metadata => (IReadOnlyList<(string, string?, double)>?)_metadata ?? [];

    /// <summary>The invocation's own dimensions (joined to the defaults in every set), in the order added.</summary>
    public IReadOnlyList<string> PrimaryDimensions => (IReadOnlyList<string>?)_primary ?? [];

    /// <summary>The further dimension sets (without the defaults), in the order added.</summary>
    public IReadOnlyList<string[]> DimensionSets => (IReadOnlyList<string[]>?)_sets ?? [];

    public string DimensionValue(string name) => _dimensionValues![name];

    public void AddMetric(string name, string unit, double value, MetricResolution resolution)
    {
        lock (_gate)
        {
            ThrowIfEnded();
            if (_byName.TryGetValue(name, out var series))
            {
                if (!ReferenceEquals(series.Unit, unit) || series.Resolution != resolution)
                {
                    throw new ArgumentException(
                        $"The metric '{name}' was added with unit {series.Unit} and {series.Resolution} resolution; it cannot also have unit {unit} and {resolution} resolution in the same invocation.",
                        nameof(unit));
                }

                series.Values.Add(value);
                return;
            }

            ThrowIfKeyUsed(name, "metric", nameof(name));
            if (_dimensionValues?.ContainsKey(name) == true || _metadata?.Exists(m => m.Key == name) == true)
            {
                throw new ArgumentException($"'{name}' is already a {(_dimensionValues?.ContainsKey(name) == true ? "dimension" : "metadata key")} of this invocation; a metric needs a name of its own (they share the document's top level).", nameof(name));
            }

            series = new MetricSeries(name, unit, resolution);
            series.Values.Add(value);
            _metrics.Add(series);
            _byName.Add(name, series);
        }
    }

    public void AddDimension(string name, string value)
    {
        lock (_gate)
        {
            ThrowIfEnded();
            if (AddDimensionValue(name, value, nameof(name)))
            {
                var primary = _primary ??= [];
                if (runtime.DefaultDimensions.Length + primary.Count + 1 > EmfRules.MaxDimensionsPerSet)
                {
                    _dimensionValues!.Remove(name);
                    throw new ArgumentException(
                        $"The dimension '{name}' would make {runtime.DefaultDimensions.Length + primary.Count + 1} dimensions in the invocation's dimension set ({runtime.DefaultDimensions.Length} default and {primary.Count} added); CloudWatch allows {EmfRules.MaxDimensionsPerSet}.",
                        nameof(name));
                }

                primary.Add(name);
            }
        }
    }

    public void AddDimensionSet((string Name, string Value)[] dimensions)
    {
        lock (_gate)
        {
            ThrowIfEnded();
            if (runtime.DefaultDimensions.Length + dimensions.Length > EmfRules.MaxDimensionsPerSet)
            {
                throw new ArgumentException(
                    $"The dimension set has {dimensions.Length} dimensions, with the {runtime.DefaultDimensions.Length} default ones {runtime.DefaultDimensions.Length + dimensions.Length}; CloudWatch allows {EmfRules.MaxDimensionsPerSet}.",
                    nameof(dimensions));
            }

            var names = new string[dimensions.Length];
            var added = new List<string>(dimensions.Length);
            try
            {
                for (var i = 0; i < dimensions.Length; i++)
                {
                    var (name, value) = dimensions[i];
                    if (Array.IndexOf(names, name, 0, i) >= 0)
                    {
                        throw new ArgumentException($"The dimension '{name}' appears twice in the set.", nameof(dimensions));
                    }

                    if (AddDimensionValue(name, value, nameof(dimensions)))
                    {
                        added.Add(name);
                    }

                    names[i] = name;
                }
            }
            catch
            {
                // All or nothing: a set refused halfway leaves no stray values behind.
                foreach (var name in added)
                {
                    _dimensionValues!.Remove(name);
                }

                throw;
            }

            (_sets ??= []).Add(names);
        }
    }

    public void AddMetadata(string key, string? text, double number)
    {
        lock (_gate)
        {
            ThrowIfEnded();
            ThrowIfKeyUsed(key, "metadata key", nameof(key));
            if (_dimensionValues?.ContainsKey(key) == true)
            {
                throw new ArgumentException($"'{key}' is already a dimension of this invocation; metadata needs a key of its own.", nameof(key));
            }

            var metadata = _metadata ??= [];
            if (metadata.Exists(m => m.Key == key))
            {
                throw new ArgumentException($"The metadata key '{key}' was already added in this invocation.", nameof(key));
            }

            metadata.Add((key, text, number));
        }
    }

    /// <summary>A measurement of a toolkit instrument; dropped once the invocation has ended (work it abandoned).</summary>
    public void AddBuiltIn(BuiltInInstrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            var groups = _builtIns ??= [];
            BuiltInGroup? group = null;
            foreach (var candidate in groups)
            {
                if (candidate.Matches(tags))
                {
                    group = candidate;
                    break;
                }
            }

            if (group is null)
            {
                group = new BuiltInGroup(tags, runtime);
                groups.Add(group);
            }

            group.Add(instrument, value);
        }
    }

    /// <summary>Ends recording: later calls throw (or, for built-in measurements, are dropped).</summary>
    public void End()
    {
        lock (_gate)
        {
            _ended = true;
        }
    }

    /// <summary>Adds the value of a dimension; <see langword="false"/> when it was there already with the same value.</summary>
    private bool AddDimensionValue(string name, string value, string parameter)
    {
        if (runtime.IsDefaultDimension(name))
        {
            throw new ArgumentException($"'{name}' is a default dimension of every metric (set by the options); it cannot be added again.", parameter);
        }

        var values = _dimensionValues ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (values.TryGetValue(name, out var existing))
        {
            return string.Equals(existing, value, StringComparison.Ordinal)
                ? false
                : throw new ArgumentException($"The dimension '{name}' already has the value '{existing}' in this invocation; a document holds one value per dimension, so it cannot also be '{value}'.", parameter);
        }

        ThrowIfKeyUsed(name, "dimension", parameter);
        if (_metadata?.Exists(m => m.Key == name) == true)
        {
            throw new ArgumentException($"'{name}' is already a metadata key of this invocation; a dimension needs a name of its own.", parameter);
        }

        values.Add(name, value);
        return true;
    }

    private void ThrowIfKeyUsed(string key, string what, string parameter)
    {
        if (_byName.ContainsKey(key) || runtime.IsDefaultDimension(key))
        {
            throw new ArgumentException($"'{key}' is already {(_byName.ContainsKey(key) ? "a metric" : "a default dimension")} of this invocation; a {what} needs a name of its own (they share the document's top level).", parameter);
        }
    }

    private void ThrowIfEnded()
    {
        if (_ended)
        {
            throw new InvalidOperationException("The invocation these metrics belong to has ended and its metrics were written: record metrics before the invocation returns, not from work it left running.");
        }
    }
}
