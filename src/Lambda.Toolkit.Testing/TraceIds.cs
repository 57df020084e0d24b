namespace Lambda.Toolkit.Testing;

/// <summary>
/// Makes X-Ray trace headers of the form Lambda sends in <c>Lambda-Runtime-Trace-Id</c> and SQS in <c>AWSTraceHeader</c>:
/// <c>Root=1-{epoch seconds, 8 hex}-{24 hex};Sampled=0</c>.
/// </summary>
/// <remarks>
/// One maker for the test host, the event builders and the Runtime API emulator (Lambda.Toolkit.Emulator), so that every
/// trace header a test sees has the same shape.
/// </remarks>
public static class TraceIds
{
    /// <summary>Makes a new, random, unsampled trace header whose root id carries <paramref name="now"/>.</summary>
    /// <param name="now">The time the trace starts; its Unix seconds become the root id's second part.</param>
    /// <returns>A header such as <c>Root=1-65f1a2b3-0123456789abcdef01234567;Sampled=0</c>.</returns>
    public static string New(DateTimeOffset now) => $"Root=1-{now.ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..40] + ";Sampled=0";
}
