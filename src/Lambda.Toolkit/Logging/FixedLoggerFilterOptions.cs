using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Logging;

/// <summary>
/// The log filters, read once at init, given to the <see cref="LoggerFactory"/> in place of the options monitor it
/// asks for. Nothing reloads a function's configuration during its life, so there is nothing to watch; reading the
/// filters through <c>OptionsMonitor&lt;LoggerFilterOptions&gt;</c> would cost the container open-generic instantiations
/// at a cold start (see <see cref="OptionsReadOnce{TOptions}"/>).
/// </summary>
internal sealed class FixedLoggerFilterOptions(LoggerFilterOptions value) : IOptionsMonitor<LoggerFilterOptions>
{
    public LoggerFilterOptions CurrentValue => value;

    public LoggerFilterOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<LoggerFilterOptions, string?> listener) => null;
}
