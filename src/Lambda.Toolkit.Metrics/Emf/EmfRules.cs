using System.Globalization;

namespace Lambda.Toolkit.Metrics.Emf;

/// <summary>
/// CloudWatch's rules for what an Embedded Metric Format document may hold, checked before anything is written. Sources:
/// the EMF specification (at most 100 metric definitions per directive, 100 values per metric, 30 dimensions per set,
/// dimension values of at most 1,024 characters, the unit list) and the CloudWatch API's <c>MetricDatum</c> and
/// <c>Dimension</c> (names of 1 to 255 ASCII characters, dimension names not starting with <c>:</c>, values within
/// ±2^360, no NaN or infinity). With these limits a document stays far below the 1 MB CloudWatch Logs event limit.
/// </summary>
internal static class EmfRules
{
    public const int MaxMetricsPerDocument = 100;
    public const int MaxValuesPerMetric = 100;
    public const int MaxDimensionsPerSet = 30;
    public const int MaxNameLength = 255;
    public const int MaxDimensionNameLength = 250;
    public const int MaxDimensionValueLength = 1024;

    /// <summary>Built-in metrics add at most this many dimensions (<c>Method</c>, <c>Route</c>, <c>StatusClass</c>).</summary>
    public const int MaxBuiltInDimensions = 3;

    /// <summary>The largest magnitude CloudWatch accepts: 2^360.</summary>
    public static readonly double MaxMagnitude = Math.Pow(2, 360);

    public static string? MetricNameProblem(string name) => TextProblem(name, MaxNameLength);

    public static string? NamespaceProblem(string value) =>
        TextProblem(value, MaxNameLength)
        ?? (value.StartsWith("AWS/", StringComparison.Ordinal) ? "must not start with 'AWS/', which is reserved for AWS services." : null);

    public static string? DimensionNameProblem(string name) =>
        TextProblem(name, MaxDimensionNameLength)
        ?? (name.StartsWith(':') ? "must not start with ':'." : null);

    public static string? DimensionValueProblem(string value) => TextProblem(value, MaxDimensionValueLength);

    public static string? MetadataKeyProblem(string key) =>
        key.Length is 0 or > MaxNameLength ? $"must be 1 to {MaxNameLength} characters long (was {key.Length})."
        : key == "_aws" ? "is reserved for the document's metric directives."
        : null;

    public static string? ValueProblem(double value) =>
        double.IsNaN(value) ? "is NaN; CloudWatch accepts only finite numbers."
        : double.IsInfinity(value) ? $"is {(value > 0 ? "+" : "-")}Infinity; CloudWatch accepts only finite numbers."
        : Math.Abs(value) > MaxMagnitude ? $"is {value.ToString("R", CultureInfo.InvariantCulture)}, outside the ±2^360 CloudWatch accepts."
        : null;

    /// <summary>A name or value for a message: quoted, and cut after 40 characters.</summary>
    public static string Quote(string value) => value.Length <= 40 ? $"'{value}'" : $"'{value[..40]}...'";

    /// <summary>The unit's name in the format, or <see langword="null"/> for a value outside <see cref="MetricUnit"/>.</summary>
    public static string? UnitName(MetricUnit unit) => unit switch
    {
        MetricUnit.None => "None",
        MetricUnit.Count => "Count",
        MetricUnit.Percent => "Percent",
        MetricUnit.Seconds => "Seconds",
        MetricUnit.Milliseconds => "Milliseconds",
        MetricUnit.Microseconds => "Microseconds",
        MetricUnit.Bytes => "Bytes",
        MetricUnit.Kilobytes => "Kilobytes",
        MetricUnit.Megabytes => "Megabytes",
        MetricUnit.Gigabytes => "Gigabytes",
        MetricUnit.Terabytes => "Terabytes",
        MetricUnit.Bits => "Bits",
        MetricUnit.Kilobits => "Kilobits",
        MetricUnit.Megabits => "Megabits",
        MetricUnit.Gigabits => "Gigabits",
        MetricUnit.Terabits => "Terabits",
        MetricUnit.BytesPerSecond => "Bytes/Second",
        MetricUnit.KilobytesPerSecond => "Kilobytes/Second",
        MetricUnit.MegabytesPerSecond => "Megabytes/Second",
        MetricUnit.GigabytesPerSecond => "Gigabytes/Second",
        MetricUnit.TerabytesPerSecond => "Terabytes/Second",
        MetricUnit.BitsPerSecond => "Bits/Second",
        MetricUnit.KilobitsPerSecond => "Kilobits/Second",
        MetricUnit.MegabitsPerSecond => "Megabits/Second",
        MetricUnit.GigabitsPerSecond => "Gigabits/Second",
        MetricUnit.TerabitsPerSecond => "Terabits/Second",
        MetricUnit.CountPerSecond => "Count/Second",
        _ => null,
    };

    /// <summary>A built-in dimension value as CloudWatch takes it: printable ASCII (others become <c>?</c>), at most 1,024 characters.</summary>
    public static string? Sanitize(string value)
    {
        var length = Math.Min(value.Length, MaxDimensionValueLength);
        var clean = true;
        var blank = true;
        for (var i = 0; i < length; i++)
        {
            clean &= value[i] is >= ' ' and <= '~';
            blank &= value[i] == ' ';
        }

        if (blank)
        {
            return null;
        }

        if (clean)
        {
            return length == value.Length ? value : value[..length];
        }

        return string.Create(length, value, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' ? source[i] : '?';
            }
        });
    }

    /// <summary>Names and dimension values: 1 to <paramref name="max"/> printable ASCII characters, not only spaces.</summary>
    private static string? TextProblem(string value, int max)
    {
        if (value.Length == 0 || value.Length > max)
        {
            return $"must be 1 to {max} characters long (was {value.Length}).";
        }

        var blank = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is < ' ' or > '~')
            {
                return $"must be printable ASCII, but the character U+{(int)c:X4} at index {i} is not.";
            }

            blank &= c == ' ';
        }

        return blank ? "must contain a character other than a space." : null;
    }
}
