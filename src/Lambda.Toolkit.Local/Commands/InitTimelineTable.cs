using System.Globalization;
using System.Text;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>The init timeline part of <c>lambda-toolkit bench --timeline</c>: the median of each phase, per function.</summary>
internal static class InitTimelineTable
{
    /// <summary>
    /// A Markdown table, one row per phase (in the order the functions report them) and a wall and a CPU column per
    /// function, each cell the median over the runs that reported the phase; a function that reported no timeline
    /// gets a note instead of columns of dashes only.
    /// </summary>
    /// <param name="labels">The functions' labels (A, B).</param>
    /// <param name="runs">Per function, the timeline of each run (<see langword="null"/> when the run wrote none).</param>
    public static string Format(IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<IReadOnlyList<InitTimelinePhase>?>> runs)
    {
        var text = new StringBuilder();
        var names = new List<string>();
        foreach (var phase in runs.SelectMany(static f => f).SelectMany(static r => r ?? []))
        {
            if (!names.Contains(phase.Name, StringComparer.Ordinal))
            {
                names.Add(phase.Name);
            }
        }

        var reported = runs.Select(static f => f.Count(static r => r is not null)).ToArray();
        text.Append("Init timeline (LAMBDA_TOOLKIT_INIT_TIMELINE=1), median per phase:\n");
        for (var f = 0; f < labels.Count; f++)
        {
            if (reported[f] < runs[f].Count)
            {
                text.Append(CultureInfo.InvariantCulture, $"{labels[f]}: {runs[f].Count - reported[f]} of {runs[f].Count} runs wrote no init timeline (not a Lambda.Toolkit function, or init failed).\n");
            }
        }

        if (names.Count == 0)
        {
            return text.ToString();
        }

        text.Append("| phase |");
        foreach (var label in labels)
        {
            text.Append(CultureInfo.InvariantCulture, $" {label} wall ms | {label} CPU ms |");
        }

        text.Append('\n').Append("|---|").Append(string.Concat(Enumerable.Repeat("---|---|", labels.Count))).Append('\n');
        foreach (var name in names.Append(null))
        {
            text.Append(CultureInfo.InvariantCulture, $"| {name ?? "total"} |");
            for (var f = 0; f < labels.Count; f++)
            {
                var timelines = runs[f].Where(static r => r is not null).Select(r => name is null ? r! : r!.Where(p => p.Name == name).ToList()).Where(static p => p.Count > 0).ToList();
                text.Append(timelines.Count == 0
                    ? " - | - |"
                    : string.Create(CultureInfo.InvariantCulture, $" {Median(timelines.Select(static p => p.Sum(static x => x.WallMs))):0.000} | {Median(timelines.Select(static p => p.Sum(static x => x.CpuMs))):0.000} |"));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
