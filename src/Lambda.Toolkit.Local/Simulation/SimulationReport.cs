using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>
/// The end of every simulation: the fate table (one row per record: its deliveries, its outcome and why), then
/// the one-line JSON summary, both on stdout.
/// </summary>
internal static class SimulationReport
{
    /// <summary>Writes the table and the summary.</summary>
    /// <param name="stdout">Where to write.</param>
    /// <param name="source">The simulated source (<c>sqs</c>, <c>async</c>).</param>
    /// <param name="fates">The records, in input order.</param>
    /// <param name="invocations">How many times the function was invoked.</param>
    /// <param name="environments">How many execution environments were started.</param>
    /// <param name="elapsed">Virtual time from the first record to the last outcome.</param>
    public static async Task WriteAsync(TextWriter stdout, string source, IReadOnlyList<RecordFate> fates, int invocations, int environments, TimeSpan elapsed)
    {
        await stdout.WriteAsync(Table(fates)).ConfigureAwait(false);
        await stdout.WriteLineAsync(Summary(source, fates, invocations, environments, elapsed)).ConfigureAwait(false);
    }

    /// <summary>The fate table, one row per record plus a header, each line ending with a newline.</summary>
    public static string Table(IReadOnlyList<RecordFate> fates)
    {
        string[] header = ["LINE", "RECORD", "DELIVERIES", "OUTCOME", "WHY"];
        var rows = fates.Select(f => new[] { f.Line.ToString(CultureInfo.InvariantCulture), f.Id, f.Deliveries.ToString(CultureInfo.InvariantCulture), Name(f.Outcome), f.Why }).ToList();
        var widths = Enumerable.Range(0, header.Length - 1).Select(c => rows.Select(r => r[c].Length).Append(header[c].Length).Max()).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows.Prepend(header))
        {
            for (var c = 0; c < widths.Length; c++)
            {
                text.Append(row[c].PadRight(widths[c] + 2));
            }

            text.Append(row[^1]).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The one-line JSON summary.</summary>
    public static string Summary(string source, IReadOnlyList<RecordFate> fates, int invocations, int environments, TimeSpan elapsed)
    {
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("source", source);
            json.WriteNumber("messages", fates.Count);
            json.WriteNumber("processed", Count(fates, FateOutcome.Processed));
            json.WriteNumber("deadLettered", Count(fates, FateOutcome.DeadLettered));
            json.WriteNumber("lost", Count(fates, FateOutcome.Lost));
            json.WriteNumber("deduplicated", Count(fates, FateOutcome.Deduplicated));
            json.WriteNumber("pending", Count(fates, FateOutcome.Pending));
            json.WriteNumber("deliveries", fates.Sum(f => f.Deliveries));

            // A processed record handed to the function more than once: the function saw a duplicate.
            json.WriteNumber("duplicates", fates.Where(f => f.Outcome == FateOutcome.Processed).Sum(f => Math.Max(0, f.Deliveries - 1)));
            json.WriteNumber("invocations", invocations);
            json.WriteNumber("environments", environments);
            json.WriteNumber("virtualSeconds", Math.Round(elapsed.TotalSeconds, 3));
            json.WriteStartArray("lostRecords");
            foreach (var fate in fates.Where(f => f.Outcome == FateOutcome.Lost))
            {
                json.WriteStartObject();
                json.WriteNumber("line", fate.Line);
                json.WriteString("id", fate.Id);
                json.WriteString("rule", fate.Why);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The tool's exit code for a finished simulation: 1 when a record was lost, else 0.</summary>
    public static int ExitCode(IReadOnlyList<RecordFate> fates) =>
        fates.Any(f => f.Outcome == FateOutcome.Lost) ? ExitCodes.FunctionError : ExitCodes.Success;

    private static int Count(IReadOnlyList<RecordFate> fates, FateOutcome outcome) => fates.Count(f => f.Outcome == outcome);

    private static string Name(FateOutcome outcome) => outcome switch
    {
        FateOutcome.Processed => "processed",
        FateOutcome.DeadLettered => "dead-lettered",
        FateOutcome.Lost => "lost",
        FateOutcome.Deduplicated => "deduplicated",
        _ => "pending",
    };
}
