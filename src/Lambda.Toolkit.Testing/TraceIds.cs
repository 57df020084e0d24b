namespace Lambda.Toolkit.Testing;

/// <summary>Makes X-Ray trace headers of the form Lambda sends: <c>Root=1-{epoch hex}-{24 hex};Sampled=0</c>.</summary>
internal static class TraceIds
{
    public static string New(DateTimeOffset now) => $"Root=1-{now.ToUnixTimeSeconds():x8}-{Guid.NewGuid():N}"[..40] + ";Sampled=0";
}
