using System.Diagnostics.Metrics;
using System.Text;

namespace Lambda.Toolkit.Metrics.BuiltIn;

/// <summary>
/// How a toolkit instrument becomes a CloudWatch metric, decided once when the instrument is published: its name
/// without the <c>lambda_toolkit.</c> prefix in PascalCase (<c>lambda_toolkit.batch.records.processed</c> is
/// <c>BatchRecordsProcessed</c>), its UCUM unit as a CloudWatch unit (<c>ms</c> is <c>Milliseconds</c>, <c>{record}</c>
/// is <c>Count</c>), and how an invocation's measurements combine: counters are summed into one value, histograms
/// keep every value.
/// </summary>
internal sealed class BuiltInInstrument
{
    private const string Prefix = "lambda_toolkit.";

    private BuiltInInstrument(string name, string unit, bool sums)
    {
        Name = name;
        Unit = unit;
        Sums = sums;
    }

    public string Name { get; }

    public string Unit { get; }

    /// <summary>Whether the invocation's measurements are added up (a counter) rather than kept one by one (a histogram).</summary>
    public bool Sums { get; }

    /// <summary>The instrument's metric, or <see langword="null"/> for an instrument the toolkit does not turn into one.</summary>
    public static BuiltInInstrument? Create(Instrument instrument)
    {
        if (!instrument.Name.StartsWith(Prefix, StringComparison.Ordinal) || instrument.IsObservable)
        {
            return null;
        }

        var sums = instrument is Counter<long> or Counter<int> or Counter<double> or UpDownCounter<long> or UpDownCounter<int> or UpDownCounter<double>;
        var histogram = instrument is Histogram<double> or Histogram<long> or Histogram<int>;
        if (!sums && !histogram)
        {
            return null;
        }

        return new BuiltInInstrument(PascalCase(instrument.Name.AsSpan(Prefix.Length)), UnitName(instrument.Unit, sums), sums);
    }

    /// <summary>A tag's dimension name: the PascalCase of its last segment (<c>http.route</c> is <c>Route</c>).</summary>
    public static string DimensionName(string tag)
    {
        var last = tag.LastIndexOf('.');
        return PascalCase(tag.AsSpan(last + 1));
    }

    private static string UnitName(string? unit, bool counts) => unit switch
    {
        "ms" => "Milliseconds",
        "s" => "Seconds",
        "us" => "Microseconds",
        "By" => "Bytes",
        "%" => "Percent",
        null or "" or "1" => counts ? "Count" : "None",
        _ when unit.StartsWith('{') => "Count",
        _ => "None",
    };

    private static string PascalCase(ReadOnlySpan<char> name)
    {
        var text = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is '.' or '_' or '-')
            {
                upper = true;
                continue;
            }

            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return text.ToString();
    }
}
