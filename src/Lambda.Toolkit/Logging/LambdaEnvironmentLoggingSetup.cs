using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Logging;

/// <summary>
/// Applies the <see cref="LambdaEnvironment"/>'s log format and log level. Registered where
/// <see cref="LambdaLoggingBuilderExtensions.AddLambdaLogger"/> is called, so options configured after it
/// (<c>SetMinimumLevel</c>, <c>Configure&lt;LambdaLoggerOptions&gt;</c>, a <c>Logging</c> section) win.
/// </summary>
internal sealed class LambdaEnvironmentLoggingSetup(LambdaEnvironment environment)
    : IConfigureOptions<LambdaLoggerOptions>, IConfigureOptions<LoggerFilterOptions>
{
    public void Configure(LambdaLoggerOptions options) => options.Format = environment.LogFormat;

    public void Configure(LoggerFilterOptions options)
    {
        if (environment.LogLevel is { } level)
        {
            options.MinLevel = level;
        }
    }
}
