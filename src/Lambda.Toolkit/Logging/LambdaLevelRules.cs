using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Logging;

/// <summary>
/// The level filter the user configured for this logger (rules from <c>SetMinimumLevel</c>, <c>AddFilter</c>, a
/// <c>Logging</c> section, <c>AWS_LAMBDA_LOG_LEVEL</c>), kept before <see cref="LambdaLevelRulesSetup"/> opens the logger
/// to every level for debug sampling and buffering. Selects a rule per category as Microsoft.Extensions.Logging does:
/// a rule for this provider (type name or alias) beats one for any provider, a longer category prefix beats a shorter
/// one (one <c>*</c> wildcard allowed), and among equals the last one wins.
/// </summary>
internal sealed class LambdaLevelRules(LogLevel minLevel, IReadOnlyList<LoggerFilterRule> rules)
{
    public const string ProviderAlias = "Lambda";

    public static readonly string ProviderName = typeof(LambdaLoggerProvider).FullName!;

    /// <summary>The minimum level and extra filter for <paramref name="category"/>.</summary>
    public (LogLevel MinLevel, Func<string?, string?, LogLevel, bool>? Filter) For(string category)
    {
        LoggerFilterRule? current = null;
        foreach (var rule in rules)
        {
            if (IsBetter(rule, current, ProviderName, category) || IsBetter(rule, current, ProviderAlias, category))
            {
                current = rule;
            }
        }

        return current is null ? (minLevel, null) : (current.LogLevel ?? minLevel, current.Filter);
    }

    private static bool IsBetter(LoggerFilterRule rule, LoggerFilterRule? current, string provider, string category)
    {
        if (rule.ProviderName is not null && rule.ProviderName != provider)
        {
            return false;
        }

        if (rule.CategoryName is { } pattern)
        {
            var wildcard = pattern.IndexOf('*', StringComparison.Ordinal);
            var prefix = wildcard < 0 ? pattern.AsSpan() : pattern.AsSpan(0, wildcard);
            var suffix = wildcard < 0 ? default : pattern.AsSpan(wildcard + 1);
            if (!category.AsSpan().StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !category.AsSpan().EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        if (current?.ProviderName is not null)
        {
            if (rule.ProviderName is null)
            {
                return false;
            }
        }
        else if (rule.ProviderName is not null)
        {
            return true;
        }

        if (current?.CategoryName is { } currentCategory)
        {
            if (rule.CategoryName is null || currentCategory.Length > rule.CategoryName.Length)
            {
                return false;
            }
        }

        return true;
    }
}
