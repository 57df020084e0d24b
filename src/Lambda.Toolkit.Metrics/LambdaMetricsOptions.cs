namespace Lambda.Toolkit.Metrics;

/// <summary>
/// How the function's metrics are written. Set in code with <c>builder.Services.AddLambdaMetrics(o =&gt; ...)</c> and from
/// configuration, section <see cref="LambdaMetricsDefaults.SectionName"/> (<c>LambdaMetrics</c>): environment variables
/// <c>LambdaMetrics__Namespace</c>, <c>LambdaMetrics__Service</c>, <c>LambdaMetrics__Enabled</c>,
/// <c>LambdaMetrics__BuiltInMetrics</c>, <c>LambdaMetrics__ColdStartMetric</c>,
/// <c>LambdaMetrics__AddFunctionNameDimension</c> and <c>LambdaMetrics__DefaultDimensions__&lt;name&gt;=&lt;value&gt;</c>.
/// Configuration is applied after the code, so a deployed function can be re-pointed or switched off without a
/// rebuild. The values are read by hand (no reflection binder) and checked once, at init, by <see cref="Validate"/>:
/// every problem fails init, listed with the application's other init problems.
/// </summary>
public sealed class LambdaMetricsOptions
{
    private readonly List<string> _configurationProblems = [];

    /// <summary>
    /// The CloudWatch namespace of every metric, for example <c>Orders</c>: 1 to 255 printable ASCII characters, not
    /// starting with <c>AWS/</c>. Required while <see cref="Enabled"/>: a function that records metrics with no namespace
    /// fails init instead of dropping them. Default: <see langword="null"/>.
    /// </summary>
    public string? Namespace { get; set; }

    /// <summary>
    /// The value of the <see cref="LambdaMetricsDefaults.ServiceDimension"/> (<c>Service</c>) dimension every metric
    /// carries. Default: <see langword="null"/>, which means the function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>); when both are
    /// empty (a local run), metrics carry no <c>Service</c> dimension.
    /// </summary>
    public string? Service { get; set; }

    /// <summary>
    /// Dimensions added to every metric, after <c>Service</c>, for example <c>Stage=prod</c>. Each distinct combination of
    /// values is a separate CloudWatch metric, so keep their values few (never a request or order id: use metadata).
    /// Default: empty.
    /// </summary>
    public IDictionary<string, string> DefaultDimensions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Whether every metric also carries the function name as the <see cref="LambdaMetricsDefaults.FunctionNameDimension"/>
    /// (<c>FunctionName</c>) dimension. Off by default because the <c>Service</c> dimension already names the function unless
    /// <see cref="Service"/> is set, and every extra dimension multiplies the custom metrics CloudWatch charges for; turn it on
    /// when several functions share one <c>Service</c>. The <c>ColdStart</c> metric carries the function name either way.
    /// Default: <see cref="LambdaMetricsDefaults.AddFunctionNameDimension"/> (<see langword="false"/>).
    /// </summary>
    public bool AddFunctionNameDimension { get; set; } = LambdaMetricsDefaults.AddFunctionNameDimension;

    /// <summary>
    /// Whether metrics are written. When off, no middleware is added (an invocation costs exactly what it costs without
    /// the package) and <see cref="ILambdaMetrics"/> records nothing. Default: <see cref="LambdaMetricsDefaults.Enabled"/> (<see langword="true"/>).
    /// </summary>
    public bool Enabled { get; set; } = LambdaMetricsDefaults.Enabled;

    /// <summary>
    /// Whether the adapters' built-in metrics are written: batch records processed, failed, retried, dead-lettered and
    /// skipped as duplicates (by <c>EventSource</c>), HTTP requests and latency (by <c>Method</c>, <c>Route</c> and
    /// <c>StatusClass</c>). They come from the <c>Lambda.Toolkit.*</c> <see cref="System.Diagnostics.Metrics.Meter"/>s
    /// through a <see cref="System.Diagnostics.Metrics.MeterListener"/>. Default: <see cref="LambdaMetricsDefaults.BuiltInMetrics"/> (<see langword="true"/>).
    /// </summary>
    public bool BuiltInMetrics { get; set; } = LambdaMetricsDefaults.BuiltInMetrics;

    /// <summary>
    /// Whether the first invocation of each execution environment writes a <c>ColdStart</c> metric (Count, 1), with the
    /// default dimensions and <c>FunctionName</c>. Default: <see cref="LambdaMetricsDefaults.ColdStartMetric"/> (<see langword="true"/>).
    /// </summary>
    public bool ColdStartMetric { get; set; } = LambdaMetricsDefaults.ColdStartMetric;

    /// <summary>
    /// Where documents are written, one line each, each line in one write so that it stays one CloudWatch Logs event.
    /// Default: <see langword="null"/>, which means the process's standard output, where Lambda collects logs.
    /// </summary>
    public Stream? Output { get; set; }

    /// <summary>Checks every option and returns all problems, or an empty list.</summary>
    /// <returns>One message per problem.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>(_configurationProblems);
        if (!Enabled)
        {
            return problems;
        }

        if (string.IsNullOrEmpty(Namespace))
        {
            problems.Add($"{nameof(Namespace)} is required while metrics are enabled: set it in AddLambdaMetrics(o => o.Namespace = \"...\") or with the environment variable {LambdaMetricsDefaults.SectionName}__{nameof(Namespace)}, or switch metrics off with {LambdaMetricsDefaults.SectionName}__{nameof(Enabled)}=false.");
        }
        else if (Emf.EmfRules.NamespaceProblem(Namespace) is { } problem)
        {
            problems.Add($"{nameof(Namespace)} {Emf.EmfRules.Quote(Namespace)} {problem}");
        }

        if (Service is { Length: > 0 } service && Emf.EmfRules.DimensionValueProblem(service) is { } serviceProblem)
        {
            problems.Add($"{nameof(Service)} {Emf.EmfRules.Quote(service)} {serviceProblem}");
        }

        foreach (var (name, value) in DefaultDimensions)
        {
            if (Emf.EmfRules.DimensionNameProblem(name) is { } nameProblem)
            {
                problems.Add($"{nameof(DefaultDimensions)}: the dimension name {Emf.EmfRules.Quote(name)} {nameProblem}");
            }
            else if (name is LambdaMetricsDefaults.ServiceDimension or LambdaMetricsDefaults.FunctionNameDimension)
            {
                problems.Add($"{nameof(DefaultDimensions)}: '{name}' is set by the toolkit; use {(name == LambdaMetricsDefaults.ServiceDimension ? nameof(Service) : nameof(AddFunctionNameDimension))} instead.");
            }

            if (Emf.EmfRules.DimensionValueProblem(value) is { } valueProblem)
            {
                problems.Add($"{nameof(DefaultDimensions)}: the value of '{name}' {valueProblem}");
            }
        }

        // Service and FunctionName may join the configured ones; built-in metrics add up to three of their own.
        var room = Emf.EmfRules.MaxDimensionsPerSet - 2 - (BuiltInMetrics ? Emf.EmfRules.MaxBuiltInDimensions : 0);
        if (DefaultDimensions.Count > room)
        {
            problems.Add($"{nameof(DefaultDimensions)} has {DefaultDimensions.Count} dimensions; at most {room} fit, because a CloudWatch dimension set holds {Emf.EmfRules.MaxDimensionsPerSet} and the toolkit adds Service and FunctionName{(BuiltInMetrics ? $" and, for built-in metrics, up to {Emf.EmfRules.MaxBuiltInDimensions} more" : string.Empty)}.");
        }

        return problems;
    }

    /// <summary>A configuration value that could not be read, reported by <see cref="Validate"/>.</summary>
    internal void AddConfigurationProblem(string problem) => _configurationProblems.Add(problem);
}
