using Lambda.Toolkit.Metrics.BuiltIn;
using Lambda.Toolkit.Metrics.Emf;

namespace Lambda.Toolkit.Metrics;

/// <summary>
/// The application's metrics, built once at init (by <see cref="MetricsPipelineFilter"/>, after the options passed
/// <see cref="LambdaMetricsOptions.Validate"/>): the default dimensions, the writer, the built-in metrics listener, and
/// the collector of the invocation on the current asynchronous flow. Its middleware gives each invocation a collector and
/// writes it when the invocation ends.
/// </summary>
internal sealed class MetricsRuntime : IDisposable
{
    private static readonly string[] ColdStartSetExtra = [LambdaMetricsDefaults.FunctionNameDimension];

    private readonly AsyncLocal<MetricsCollector?> _current = new();
    private readonly LambdaMetricsOptions _options;
    private readonly LambdaFunctionInfo _function;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, string> _dimensionNames = new(StringComparer.Ordinal);
    private EmfWriter? _writer;
    private BuiltInMetricsListener? _listener;
    private string[] _defaultNames = [];
    private IReadOnlyList<string>[] _builtInSets = [];
    private KeyValuePair<string, string>[] _coldStartDimensions = [];
    private IReadOnlyList<string>[] _coldStartSets = [];

    public MetricsRuntime(LambdaMetricsOptions options, LambdaFunctionInfo function, TimeProvider timeProvider)
    {
        _options = options;
        _function = function;
        _timeProvider = timeProvider;
    }

    /// <summary>The options, configuration applied.</summary>
    public LambdaMetricsOptions Options => _options;

    /// <summary>Whether metrics are switched on.</summary>
    public bool Enabled => _options.Enabled;

    /// <summary>The default dimensions every metric carries: <c>Service</c>, <c>FunctionName</c> when asked for, then the configured ones.</summary>
    public KeyValuePair<string, string>[] DefaultDimensions { get; private set; } = [];

    /// <summary>The collector of the invocation on this flow, or <see langword="null"/> outside one.</summary>
    public MetricsCollector? Current => _current.Value;

    /// <summary>Whether <see cref="Start"/> ran: the middleware is in the pipeline.</summary>
    public bool IsStarted => _writer is not null;

    /// <summary>Builds what every invocation shares; called once, at init, with valid options.</summary>
    public void Start()
    {
        if (_writer is not null)
        {
            return;
        }

        var defaults = new List<KeyValuePair<string, string>>(_options.DefaultDimensions.Count + 2);
        var service = string.IsNullOrEmpty(_options.Service) ? _function.Name : _options.Service;
        if (!string.IsNullOrEmpty(service) && EmfRules.Sanitize(service) is { } serviceValue)
        {
            defaults.Add(new(LambdaMetricsDefaults.ServiceDimension, serviceValue));
        }

        var functionName = EmfRules.Sanitize(_function.Name);
        if (_options.AddFunctionNameDimension && functionName is not null)
        {
            defaults.Add(new(LambdaMetricsDefaults.FunctionNameDimension, functionName));
        }

        defaults.AddRange(_options.DefaultDimensions);
        DefaultDimensions = [.. defaults];
        _defaultNames = Array.ConvertAll(DefaultDimensions, static d => d.Key);
        _builtInSets = [_defaultNames];
        if (functionName is not null && !_options.AddFunctionNameDimension)
        {
            _coldStartDimensions = [.. DefaultDimensions, new(LambdaMetricsDefaults.FunctionNameDimension, functionName)];
            _coldStartSets = [[.. _defaultNames, .. ColdStartSetExtra]];
        }
        else
        {
            _coldStartDimensions = DefaultDimensions;
            _coldStartSets = [_defaultNames];
        }

        _writer = new EmfWriter(_options.Namespace!, _options.Output ?? Console.OpenStandardOutput());
        if (_options.BuiltInMetrics)
        {
            _listener = new BuiltInMetricsListener(this);
        }
    }

    public bool IsDefaultDimension(string name) => Array.IndexOf(_defaultNames, name) >= 0;

    /// <summary>A built-in tag's dimension name (<c>http.route</c> is <c>Route</c>), worked out once per tag.</summary>
    public string BuiltInDimensionName(string tag)
    {
        lock (_dimensionNames)
        {
            if (!_dimensionNames.TryGetValue(tag, out var name))
            {
                _dimensionNames[tag] = name = BuiltInInstrument.DimensionName(tag);
            }

            return name;
        }
    }

    /// <summary>The middleware: a collector for the invocation, written when the whole invocation has ended, however it ended.</summary>
    public async ValueTask InvokeAsync(InvocationContext context, InvocationDelegate next)
    {
        var collector = new MetricsCollector(this);
        _current.Value = collector;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            _current.Value = null;
            collector.End();

            // A priming invocation runs on a synthetic event during init: what it records is not real.
            if (!context.IsPriming)
            {
                Write(collector, context.IsColdStart && _options.ColdStartMetric);
            }
        }
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _writer?.Dispose();
    }

    /// <summary>
    /// Writes the invocation's documents. The common cases (the cold start, metrics with the default dimensions, the
    /// built-in groups) are here, in plain loops; the rarer one, metrics with the invocation's own dimensions, is a method
    /// of its own. Under JIT the first invocation compiles only what it runs, and no LINQ or spread over key-value pairs
    /// (each a generic instantiation of its own to compile).
    /// </summary>
    private void Write(MetricsCollector collector, bool coldStart)
    {
        var writer = _writer!;
        var timestamp = _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        if (coldStart)
        {
            var series = new MetricSeries(LambdaMetricsDefaults.ColdStartMetricName, "Count", MetricResolution.Standard);
            series.Values.Add(1);
            writer.Write(timestamp, [series], _coldStartSets, _coldStartDimensions, []);
        }

        if (collector.Metrics.Count > 0)
        {
            if (collector.PrimaryDimensions.Count == 0 && collector.DimensionSets.Count == 0)
            {
                writer.Write(timestamp, collector.Metrics, _builtInSets, DefaultDimensions, collector.Metadata);
            }
            else
            {
                WriteWithOwnDimensions(writer, timestamp, collector);
            }
        }

        foreach (var group in collector.BuiltIns)
        {
            var own = group.Dimensions;
            if (own.Count == 0)
            {
                writer.Write(timestamp, group.Metrics, _builtInSets, DefaultDimensions, []);
                continue;
            }

            // The default dimensions, then the group's own (its tags).
            var names = new string[_defaultNames.Length + own.Count];
            var dimensions = new KeyValuePair<string, string>[DefaultDimensions.Length + own.Count];
            _defaultNames.CopyTo(names, 0);
            DefaultDimensions.CopyTo(dimensions, 0);
            for (var i = 0; i < own.Count; i++)
            {
                names[_defaultNames.Length + i] = own[i].Key;
                dimensions[DefaultDimensions.Length + i] = own[i];
            }

            writer.Write(timestamp, group.Metrics, new IReadOnlyList<string>[] { names }, dimensions, []);
        }
    }

    /// <summary>The invocation's metrics when it added dimensions or dimension sets of its own.</summary>
    private void WriteWithOwnDimensions(EmfWriter writer, long timestamp, MetricsCollector collector)
    {
        var sets = new IReadOnlyList<string>[1 + collector.DimensionSets.Count];
        sets[0] = collector.PrimaryDimensions.Count == 0 ? _defaultNames : [.. _defaultNames, .. collector.PrimaryDimensions];
        for (var i = 0; i < collector.DimensionSets.Count; i++)
        {
            sets[i + 1] = [.. _defaultNames, .. collector.DimensionSets[i]];
        }

        var dimensions = new List<KeyValuePair<string, string>>(DefaultDimensions);
        foreach (var name in collector.PrimaryDimensions)
        {
            dimensions.Add(new(name, collector.DimensionValue(name)));
        }

        foreach (var set in collector.DimensionSets)
        {
            foreach (var name in set)
            {
                if (!dimensions.Exists(d => d.Key == name))
                {
                    dimensions.Add(new(name, collector.DimensionValue(name)));
                }
            }
        }

        writer.Write(timestamp, collector.Metrics, sets, dimensions, collector.Metadata);
    }
}
