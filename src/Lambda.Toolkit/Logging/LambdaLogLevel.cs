using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Logging;

/// <summary>Maps between Lambda's log level names (<c>AWS_LAMBDA_LOG_LEVEL</c>) and <see cref="LogLevel"/>.</summary>
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
