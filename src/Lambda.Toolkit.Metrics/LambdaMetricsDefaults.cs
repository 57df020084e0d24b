namespace Lambda.Toolkit.Metrics;

/// <summary>The defaults of <see cref="LambdaMetricsOptions"/> and the names the toolkit gives its dimensions, in one place.</summary>
public static class LambdaMetricsDefaults
{
    /// <summary>The configuration section the options are read from: <c>LambdaMetrics</c> (environment variables <c>LambdaMetrics__Namespace</c>, ...).</summary>
    public const string SectionName = "LambdaMetrics";

    /// <summary>Metrics are written: <see langword="true"/>.</summary>
    public const bool Enabled = true;

    /// <summary>The adapters' built-in batch and HTTP metrics are written: <see langword="true"/>.</summary>
    public const bool BuiltInMetrics = true;

    /// <summary>A <c>ColdStart</c> metric is written by the first invocation of each execution environment: <see langword="true"/>.</summary>
    public const bool ColdStartMetric = true;

    /// <summary>The function name is not a dimension of every metric: <see langword="false"/>.</summary>
    public const bool AddFunctionNameDimension = false;

    /// <summary>The dimension that carries <see cref="LambdaMetricsOptions.Service"/>: <c>Service</c>.</summary>
    public const string ServiceDimension = "Service";

    /// <summary>The dimension that carries the function name, named as in the <c>AWS/Lambda</c> namespace: <c>FunctionName</c>.</summary>
    public const string FunctionNameDimension = "FunctionName";

    /// <summary>The metric written once per execution environment, by its first invocation: <c>ColdStart</c> (Count, 1).</summary>
    public const string ColdStartMetricName = "ColdStart";
}
