using System.Globalization;

namespace Lambda.Toolkit.Local;

/// <summary>Formats Lambda's per-invocation <c>REPORT</c> line.</summary>
internal static class ReportLine
{
    /// <summary>One REPORT line, as Lambda writes it after each invocation.</summary>
    /// <param name="requestId">The invocation's request id.</param>
    /// <param name="duration">From dispatch to the answer.</param>
    /// <param name="memorySizeMb">The configured memory size.</param>
    /// <param name="peakMemoryBytes">The process's peak resident memory.</param>
    /// <param name="initDuration">The init duration, on a cold start only.</param>
    /// <param name="status">Lambda's <c>Status</c> field (<c>timeout</c>, <c>error</c>) when the invocation did not succeed normally.</param>
    /// <param name="errorType">Lambda's <c>Error Type</c> field, after <c>Status: error</c> (<c>Runtime.OutOfMemory</c>, <c>Runtime.ExitError</c>).</param>
    public static string Format(string requestId, TimeSpan duration, int memorySizeMb, long peakMemoryBytes, TimeSpan? initDuration, string? status = null, string? errorType = null)
    {
        var ms = duration.TotalMilliseconds;
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"REPORT RequestId: {requestId}\tDuration: {ms:0.00} ms\tBilled Duration: {Math.Max(1, (long)Math.Ceiling(ms))} ms\tMemory Size: {memorySizeMb} MB\tMax Memory Used: {(peakMemoryBytes + (1024 * 1024) - 1) / (1024 * 1024)} MB");
        if (initDuration is { } init)
        {
            line += string.Create(CultureInfo.InvariantCulture, $"\tInit Duration: {init.TotalMilliseconds:0.00} ms");
        }

        if (status is not null)
        {
            line += "\tStatus: " + status;
        }

        return errorType is null ? line : line + "\tError Type: " + errorType;
    }
}
