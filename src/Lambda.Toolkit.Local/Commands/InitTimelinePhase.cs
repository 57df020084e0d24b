using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>One phase of the init timeline a function writes with <c>LAMBDA_TOOLKIT_INIT_TIMELINE=1</c>.</summary>
/// <param name="Name">The phase (<c>container</c>, <c>pipeline:Http</c>, ...).</param>
/// <param name="WallMs">The wall time it took, in milliseconds.</param>
/// <param name="CpuMs">The process CPU time it used, in milliseconds.</param>
internal sealed partial record InitTimelinePhase(string Name, double WallMs, double CpuMs)
{
    /// <summary>The <c>type</c> of the JSON line and the first word of the text line.</summary>
    internal const string Marker = "lambda-toolkit.init-timeline";

    /// <summary>
    /// The phases of <paramref name="line"/> when it is an init timeline, in either log format (a JSON object whose
    /// <c>type</c> is the marker, or the text line starting with it); else <see langword="null"/>.
    /// </summary>
    public static IReadOnlyList<InitTimelinePhase>? Parse(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.StartsWith(Marker, StringComparison.Ordinal))
        {
            var phases = PhaseText().Matches(line).Select(static m => new InitTimelinePhase(
                m.Groups["name"].Value,
                double.Parse(m.Groups["wall"].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture),
                double.Parse(m.Groups["cpu"].ValueSpan, NumberStyles.Float, CultureInfo.InvariantCulture))).ToList();
            return phases.Count > 0 ? phases : null;
        }

        if (!trimmed.StartsWith("{", StringComparison.Ordinal) || !line.Contains(Marker, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || type.GetString() != Marker || !root.TryGetProperty("phases", out var phases) || phases.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var parsed = phases.EnumerateArray().Select(static p => new InitTimelinePhase(
                p.GetProperty("name").GetString() ?? string.Empty,
                p.GetProperty("wallMs").GetDouble(),
                p.GetProperty("cpuMs").GetDouble())).ToList();
            return parsed.Count > 0 ? parsed : null;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            // Not a timeline written by the toolkit: an application's own line that mentions the marker.
            return null;
        }
    }

    [GeneratedRegex(@"\| (?<name>[^|]+?) wall=(?<wall>[0-9.]+)ms cpu=(?<cpu>[0-9.]+)ms", RegexOptions.CultureInvariant)]
    private static partial Regex PhaseText();
}
