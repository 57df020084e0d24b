using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Logging;

/// <summary>
/// Maps between Lambda's advanced logging controls (<c>AWS_LAMBDA_LOG_LEVEL</c>: <c>TRACE</c>, <c>DEBUG</c>,
/// <c>INFO</c>, <c>WARN</c>, <c>ERROR</c>, <c>FATAL</c>; <c>AWS_LAMBDA_LOG_FORMAT</c>: <c>JSON</c>, <c>Text</c>) and
/// <see cref="LogLevel"/> / <see cref="LambdaLogFormat"/>. Names are matched in any case; unset or empty means not set.
/// </summary>
internal static class LambdaLogLevel
{
    public static LogLevel? Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFO" => LogLevel.Information,
        "WARN" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" => LogLevel.Critical,
        _ => null,
    };

    /// <summary>Reads <c>AWS_LAMBDA_LOG_LEVEL</c>: unset or empty is <see langword="null"/>; an unknown name is a problem.</summary>
    public static LogLevel? Parse(string name, string? value, ref List<string>? problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Parse(value) is { } level)
        {
            return level;
        }

        (problems ??= []).Add($"{name} must be one of TRACE, DEBUG, INFO, WARN, ERROR or FATAL (was '{value}').");
        return null;
    }

    /// <summary>Reads <c>AWS_LAMBDA_LOG_FORMAT</c>: unset or empty is text; anything but <c>JSON</c> or <c>Text</c> is a problem.</summary>
    public static LambdaLogFormat ParseFormat(string name, string? value, ref List<string>? problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return LambdaLogFormat.Text;
        }

        switch (value.Trim().ToUpperInvariant())
        {
            case "JSON":
                return LambdaLogFormat.Json;
            case "TEXT":
                return LambdaLogFormat.Text;
            default:
                (problems ??= []).Add($"{name} must be JSON or Text (was '{value}').");
                return LambdaLogFormat.Text;
        }
    }

    public static string Name(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "NONE",
    };
}
