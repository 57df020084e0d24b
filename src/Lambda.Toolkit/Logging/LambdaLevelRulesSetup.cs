using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Logging;

/// <summary>
/// When debug sampling or buffering is on, the logger must see the lines the level filter suppresses. After every
/// other configuration has run, this keeps the user's rules in <see cref="InvocationLogs.Rules"/> (the logger applies
/// them itself) and adds rules that open the Lambda logger, and only it, to every level and category. When both
/// features are off it changes nothing, and the logging framework filters as usual.
/// </summary>
internal sealed class LambdaLevelRulesSetup(InvocationLogs logs) : IPostConfigureOptions<LoggerFilterOptions>
{
    public void PostConfigure(string? name, LoggerFilterOptions options)
    {
        if (!logs.Enabled)
        {
            return;
        }

        var rules = options.Rules.ToArray();
        logs.Rules = new LambdaLevelRules(options.MinLevel, rules);
        options.Rules.Add(new LoggerFilterRule(LambdaLevelRules.ProviderName, null, LogLevel.Trace, null));
        foreach (var rule in rules)
        {
            if (rule.CategoryName is not null && (rule.ProviderName is null or LambdaLevelRules.ProviderAlias || rule.ProviderName == LambdaLevelRules.ProviderName))
            {
                options.Rules.Add(new LoggerFilterRule(LambdaLevelRules.ProviderName, rule.CategoryName, LogLevel.Trace, null));
            }
        }
    }
}
