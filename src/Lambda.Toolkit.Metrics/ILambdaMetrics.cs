namespace Lambda.Toolkit.Metrics;

/// <summary>
/// The metrics of the invocation that is running: inject it anywhere (a handler, an endpoint, a singleton service,
/// a record handler running in its own scope) and record; at the end of the invocation the toolkit writes everything
/// recorded as CloudWatch Embedded Metric Format documents to stdout, one line each. Registered as a singleton by
/// <see cref="LambdaMetricsServiceCollectionExtensions.AddLambdaMetrics"/>; it acts on the invocation of the current
/// asynchronous flow, so concurrent invocations (Lambda Managed Instances) and parallel records stay apart.
/// </summary>
/// <remarks>
/// Every argument is checked at the call against CloudWatch's rules: a bad name, unit, value or dimension throws an
/// <see cref="ArgumentException"/> that says what is wrong, so no document CloudWatch would reject is ever written.
/// Recording outside an invocation (during init, or after the invocation ended) throws
/// <see cref="InvalidOperationException"/>. When metrics are switched off (<see cref="LambdaMetricsOptions.Enabled"/>),
/// every call returns at once: nothing is checked or recorded, so switched-off metrics cost nothing.
/// </remarks>
public interface ILambdaMetrics
{
    /// <summary>Whether metrics are switched on: <see langword="false"/> means every call records nothing.</summary>
    bool IsEnabled { get; }

    /// <summary>
    /// Adds a value to a metric of this invocation. A metric added several times keeps every value (at most 100 go in
    /// one document; more are split into further documents). A metric keeps the unit and resolution it was first added with.
    /// </summary>
    /// <param name="name">The metric name: 1 to 255 printable ASCII characters, not only spaces.</param>
    /// <param name="unit">The unit.</param>
    /// <param name="value">The value: a finite number within ±2^360, as CloudWatch accepts.</param>
    /// <param name="resolution">Standard (60 s) or high (1 s) resolution. Default: <see cref="MetricResolution.Standard"/>.</param>
    /// <exception cref="ArgumentException">The name, unit, value or resolution is invalid, or the metric was added before with another unit or resolution, or the name is already used by a dimension or metadata key.</exception>
    /// <exception cref="InvalidOperationException">No invocation is running on this flow.</exception>
    void AddMetric(string name, MetricUnit unit, double value, MetricResolution resolution = MetricResolution.Standard);

    /// <summary>
    /// Adds a dimension to this invocation's metrics: it joins the default dimensions (the service and
    /// <see cref="LambdaMetricsOptions.DefaultDimensions"/>) in every dimension set of the invocation's documents.
    /// </summary>
    /// <param name="name">The dimension name: 1 to 250 printable ASCII characters, not starting with <c>:</c>.</param>
    /// <param name="value">The value: 1 to 1,024 printable ASCII characters, not only spaces.</param>
    /// <exception cref="ArgumentException">The name or value is invalid, the name has another value already, the name is a metric or metadata key, or a dimension set would exceed 30 dimensions.</exception>
    /// <exception cref="InvalidOperationException">No invocation is running on this flow.</exception>
    void AddDimension(string name, string value);

    /// <summary>
    /// Adds a further dimension set: the invocation's metrics are also published under the default dimensions plus
    /// these. Each set is a separate CloudWatch metric (and a separate custom-metric charge).
    /// </summary>
    /// <param name="dimensions">The dimensions of the set, names and values as for <see cref="AddDimension"/>.</param>
    /// <exception cref="ArgumentException">A name or value is invalid or has another value already, or the set would exceed 30 dimensions.</exception>
    /// <exception cref="InvalidOperationException">No invocation is running on this flow.</exception>
    void AddDimensionSet(params (string Name, string Value)[] dimensions);

    /// <summary>
    /// Adds a value to the invocation's documents that is not a metric or a dimension: searchable in CloudWatch Logs
    /// Insights (an order id, a tenant), without creating metrics.
    /// </summary>
    /// <param name="key">The key: 1 to 255 characters, not <c>_aws</c>, not a metric or dimension name.</param>
    /// <param name="value">The value.</param>
    /// <exception cref="ArgumentException">The key is invalid or already used.</exception>
    /// <exception cref="InvalidOperationException">No invocation is running on this flow.</exception>
    void AddMetadata(string key, string value);

    /// <summary>Adds a numeric metadata value; see <see cref="AddMetadata(string, string)"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">A finite number.</param>
    /// <exception cref="ArgumentException">The key is invalid or already used, or the value is not finite.</exception>
    /// <exception cref="InvalidOperationException">No invocation is running on this flow.</exception>
    void AddMetadata(string key, double value);
}
