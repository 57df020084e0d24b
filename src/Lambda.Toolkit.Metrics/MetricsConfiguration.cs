using Microsoft.Extensions.Configuration;

namespace Lambda.Toolkit.Metrics;

/// <summary>
/// Reads the <c>LambdaMetrics</c> configuration section into the options by hand (no reflection binder: Native AOT
/// safe and cheap at init), after the code's own settings. A value that cannot be read becomes an init problem.
/// </summary>
internal static class MetricsConfiguration
{
    /// <summary>Applies the section to <paramref name="options"/> (once, when the metrics are built at init) and returns them.</summary>
    public static LambdaMetricsOptions Apply(LambdaMetricsOptions options, IConfiguration? configuration)
    {
        if (configuration is null)
        {
            return options;
        }

        var section = configuration.GetSection(LambdaMetricsDefaults.SectionName);
        if (section[nameof(LambdaMetricsOptions.Namespace)] is { } @namespace)
        {
            options.Namespace = @namespace;
        }

        if (section[nameof(LambdaMetricsOptions.Service)] is { } service)
        {
            options.Service = service;
        }

        options.Enabled = Flag(section, nameof(LambdaMetricsOptions.Enabled), options.Enabled, options);
        options.BuiltInMetrics = Flag(section, nameof(LambdaMetricsOptions.BuiltInMetrics), options.BuiltInMetrics, options);
        options.ColdStartMetric = Flag(section, nameof(LambdaMetricsOptions.ColdStartMetric), options.ColdStartMetric, options);
        options.AddFunctionNameDimension = Flag(section, nameof(LambdaMetricsOptions.AddFunctionNameDimension), options.AddFunctionNameDimension, options);
        foreach (var dimension in section.GetSection(nameof(LambdaMetricsOptions.DefaultDimensions)).GetChildren())
        {
            if (dimension.Value is { } value)
            {
                options.DefaultDimensions[dimension.Key] = value;
            }
        }

        return options;
    }

    private static bool Flag(IConfigurationSection section, string key, bool current, LambdaMetricsOptions options)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return current;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        options.AddConfigurationProblem($"{LambdaMetricsDefaults.SectionName}:{key} must be true or false (was '{text}').");
        return current;
    }
}
