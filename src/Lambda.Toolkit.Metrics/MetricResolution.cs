namespace Lambda.Toolkit.Metrics;

/// <summary>How finely CloudWatch stores a metric: the <c>StorageResolution</c> of the Embedded Metric Format.</summary>
public enum MetricResolution
{
    /// <summary>Standard resolution: one data point per minute (<c>StorageResolution</c> 60).</summary>
    Standard = 60,

    /// <summary>High resolution: down to one second (<c>StorageResolution</c> 1), at the price of a high-resolution custom metric.</summary>
    High = 1,
}
