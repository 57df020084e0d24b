using System.Globalization;
using Lambda.Toolkit.Emulator;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// The parsers of option values that every command shares, so a bad value reads the same everywhere:
/// <c>--timeout</c>, <c>--memory</c> and <c>--env</c> with Lambda's ranges, numbers with or without a range, and
/// <c>on|off</c>. Each throws a <see cref="FormatException"/> whose message names the option and the value.
/// </summary>
internal static class OptionValues
{
    /// <summary>A <c>--timeout</c> value: seconds within Lambda's range.</summary>
    /// <exception cref="FormatException">Not a number, or out of range.</exception>
    public static TimeSpan Timeout(string value) =>
        TimeSpan.FromSeconds(Number("--timeout", value, LambdaLimits.MinTimeoutSeconds, LambdaLimits.MaxTimeoutSeconds, "seconds (Lambda's range)"));

    /// <summary>A <c>--memory</c> value: megabytes within Lambda's range.</summary>
    /// <exception cref="FormatException">Not a whole number, or out of range.</exception>
    public static int Memory(string value) =>
        WholeNumber("--memory", value, LambdaLimits.MinMemoryMb, LambdaLimits.MaxMemoryMb, "MB (Lambda's range)");

    /// <summary>An <c>--env</c> value: <c>KEY=VALUE</c>.</summary>
    /// <exception cref="FormatException">No <c>=</c>, or nothing before it.</exception>
    public static (string Key, string Value) Environment(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 ? (pair[..equals], pair[(equals + 1)..]) : throw new FormatException($"--env expects KEY=VALUE, got '{pair}'.");
    }

    /// <summary>A number of seconds (fractions allowed, and any sign: a command's own validation judges the range).</summary>
    /// <exception cref="FormatException">Not a finite number.</exception>
    public static double Number(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new FormatException($"{option} expects a number of seconds, got '{value}'.");

    /// <summary>A number of seconds between <paramref name="min"/> and <paramref name="max"/>.</summary>
    /// <param name="option">The option, for the message.</param>
    /// <param name="value">The value as given.</param>
    /// <param name="min">The smallest value allowed.</param>
    /// <param name="max">The largest value allowed.</param>
    /// <param name="unit">The unit and whose range it is, for the message (<c>seconds (Lambda's range)</c>).</param>
    /// <exception cref="FormatException">Not a number, or out of range.</exception>
    public static double Number(string option, string value, double min, double max, string unit)
    {
        var number = Number(option, value);
        return number >= min && number <= max ? number : throw OutOfRange(option, value, min, max, unit);
    }

    /// <summary>A number of seconds, as a <see cref="TimeSpan"/> (any sign: a command's own validation judges the range).</summary>
    /// <exception cref="FormatException">Not a finite number, or beyond what a <see cref="TimeSpan"/> holds.</exception>
    public static TimeSpan Seconds(string option, string value)
    {
        var seconds = Number(option, value);
        return Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"{option} is out of any range Lambda allows, got '{value}'.");
    }

    /// <summary>A whole, non-negative number.</summary>
    /// <exception cref="FormatException">Not a whole number, or negative.</exception>
    public static int WholeNumber(string option, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{option} expects a whole number, got '{value}'.");

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>.</summary>
    /// <param name="option">The option, for the message.</param>
    /// <param name="value">The value as given.</param>
    /// <param name="min">The smallest value allowed (not negative).</param>
    /// <param name="max">The largest value allowed.</param>
    /// <param name="unit">The unit and whose range it is, for the message (<c>MB (Lambda's range)</c>).</param>
    /// <exception cref="FormatException">Not a whole number, or out of range.</exception>
    public static int WholeNumber(string option, string value, int min, int max, string unit)
    {
        var number = WholeNumber(option, value);
        return number >= min && number <= max ? number : throw OutOfRange(option, value, min, max, unit);
    }

    /// <summary>A whole number with an optional sign (<c>-1</c> means infinite for some settings).</summary>
    /// <exception cref="FormatException">Not a whole number.</exception>
    public static int Integer(string option, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new FormatException($"{option} expects a whole number, got '{value}'.");

    /// <summary><c>on</c> or <c>off</c> (also <c>true</c> or <c>false</c>).</summary>
    /// <exception cref="FormatException">Neither.</exception>
    public static bool Switch(string option, string value) => value switch
    {
        "on" or "true" => true,
        "off" or "false" => false,
        _ => throw new FormatException($"{option} expects on or off, got '{value}'."),
    };

    private static FormatException OutOfRange(string option, string value, double min, double max, string unit) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{option} must be between {min} and {max} {unit}, got {value}."));
}
