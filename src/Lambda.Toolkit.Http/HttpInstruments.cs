using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Lambda.Toolkit.Http;

/// <summary>
/// The HTTP adapter's built-in metrics, on the <c>Lambda.Toolkit.Http</c> <see cref="Meter"/>: a counter of requests
/// (<c>lambda_toolkit.http.requests</c>) and a histogram of their latency in milliseconds
/// (<c>lambda_toolkit.http.request.duration</c>, from reading the request to writing the response), both tagged
/// <c>http.request.method</c>, <c>http.route</c> (the matched route template; absent when no route matched, so paths
/// never become tags) and <c>http.response.status_class</c> (<c>2xx</c>, <c>4xx</c>, <c>5xx</c>, ...). An OpenTelemetry SDK
/// sees them with <c>AddMeter("Lambda.Toolkit.Http")</c>; <c>Lambda.Toolkit.Metrics</c> writes them as CloudWatch metrics.
/// Nothing is measured, not even the clock read, while nobody listens.
/// </summary>
internal static class HttpInstruments
{
    public const string MeterName = "Lambda.Toolkit.Http";

    private static readonly Meter Meter = new(MeterName, typeof(HttpInstruments).Assembly.GetName().Version?.ToString());
    private static readonly Counter<long> Requests = Meter.CreateCounter<long>("lambda_toolkit.http.requests", "{request}", "HTTP requests answered, by method, route and status class.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("lambda_toolkit.http.request.duration", "ms", "Time from reading an HTTP request to writing its response.");

    /// <summary>When the request started, on the invocation's clock; <see langword="null"/> while nobody listens.</summary>
    public static long? Start(InvocationContext invocation) =>
        Requests.Enabled || Duration.Enabled ? invocation.TimeProvider.GetTimestamp() : null;

    public static void Stop(long? started, HttpRequest request, int statusCode)
    {
        if (started is not { } start)
        {
            return;
        }

        var tags = new TagList
        {
            { "http.request.method", request.Method },
            { "http.response.status_class", StatusClass(statusCode) },
        };
        if (request.RouteTemplate is { } route)
        {
            tags.Add("http.route", route);
        }

        Requests.Add(1, tags);
        Duration.Record(request.Invocation.TimeProvider.GetElapsedTime(start).TotalMilliseconds, tags);
    }

    private static string StatusClass(int statusCode) => (statusCode / 100) switch
    {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        _ => "5xx",
    };
}
