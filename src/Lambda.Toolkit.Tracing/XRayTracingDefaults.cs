namespace Lambda.Toolkit.Tracing;

/// <summary>The defaults of <see cref="XRayTracingOptions"/>.</summary>
public static class XRayTracingDefaults
{
    /// <summary>The environment variable Lambda sets to the X-Ray daemon's address: <c>AWS_XRAY_DAEMON_ADDRESS</c>.</summary>
    public const string DaemonAddressVariable = "AWS_XRAY_DAEMON_ADDRESS";

    /// <summary>The activity sources exported by default: <c>Lambda.Toolkit*</c> (the invocation, batch record and HTTP route sources).</summary>
    public const string Sources = "Lambda.Toolkit*";

    /// <summary>The largest segment document the daemon accepts in one datagram: 64 KB.</summary>
    public const int MaxDocumentBytes = 64 * 1024;

    /// <summary>The most stack frames kept per exception in a subsegment's <c>cause</c>: 20.</summary>
    public const int MaxStackFrames = 20;

    /// <summary>
    /// The activity tags that become X-Ray annotations (indexed, searchable with filter expressions); every other tag
    /// is metadata: <c>faas.coldstart</c>, <c>faas.invocation_id</c>, <c>http.request.method</c>, <c>http.route</c>,
    /// <c>http.response.status_code</c>, <c>messaging.message.id</c>, <c>lambda_toolkit.batch.source</c>,
    /// <c>lambda_toolkit.batch.outcome</c>, <c>lambda_toolkit.batch.retries</c> and <c>error.type</c>.
    /// </summary>
    public static IReadOnlyList<string> AnnotationTags { get; } =
    [
        "faas.coldstart",
        "faas.invocation_id",
        "http.request.method",
        "http.route",
        "http.response.status_code",
        "messaging.message.id",
        "lambda_toolkit.batch.source",
        "lambda_toolkit.batch.outcome",
        "lambda_toolkit.batch.retries",
        "error.type",
    ];
}
