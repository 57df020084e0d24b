namespace Lambda.Toolkit.Metrics;

/// <summary>The options every <c>AddLambdaMetrics</c> call of one service collection configures, in call order.</summary>
internal sealed class MetricsRegistration(LambdaMetricsOptions options)
{
    public LambdaMetricsOptions Options { get; } = options;
}
