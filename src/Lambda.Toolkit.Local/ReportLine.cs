using System.Globalization;

namespace Lambda.Toolkit.Local;

/// <summary>Formats Lambda's per-invocation <c>REPORT</c> line.</summary>
internal static class ReportLine
{
    public static string Format(string requestId, TimeSpan duration, int memorySizeMb, long peakMemoryBytes, TimeSpan? initDuration)
    {
        var ms = duration.TotalMilliseconds;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"REPORT RequestId: {requestId}\tDuration: {ms:0.00} ms\tBilled Duration: {Math.Max(1, (long)Math.Ceiling(ms))} ms\tMemory Size: {memorySizeMb} MB\tMax Memory Used: {(peakMemoryBytes + (1024 * 1024) - 1) / (1024 * 1024)} MB");
        return initDuration is { } init
            ? line + string.Create(CultureInfo.InvariantCulture, $"\tInit Duration: {init.TotalMilliseconds:0.00} ms")
            : line;
    }
}
