using Microsoft.Extensions.Configuration;

namespace Lambda.Toolkit.Metrics;

/// <summary>
/// Reads the <c>LambdaMetrics</c> configuration section into the options by hand (no reflection binder: Native AOT
/// safe and cheap at init), after the code's own settings. A value that cannot be read becomes an init problem.
/// </summary>
/// <remarks>
/// Each option is read by its full key from the configuration itself (<c>LambdaMetrics:Namespace</c>, ...): no section
/// objects, no path joining. Only <see cref="LambdaMetricsOptions.DefaultDimensions"/>, whose names are the user's, is
/// enumerated.
/// </remarks>
internal static class MetricsConfiguration
{
    private const string Prefix = LambdaMetricsDefaults.SectionName + ":";

    /// <summary>Applies the section to <paramref name="options"/> (once, when the metrics are built at init) and returns them.</summary>
    public static LambdaMetricsOptions Apply(LambdaMetricsOptions options, IConfiguration? configuration)
    {
        if (configuration is null)
        {
            return options;
        }

        if (configuration[Prefix + nameof(LambdaMetricsOptions.Namespace)] is { } @namespace)
        {
            options.Namespace = @namespace;
        }

        if (configuration[Prefix + nameof(LambdaMetricsOptions.Service)] is { } service)
        {
            options.Service = service;
        }

        options.Enabled = Flag(configuration, nameof(LambdaMetricsOptions.Enabled), options.Enabled, options);
        options.BuiltInMetrics = Flag(configuration, nameof(LambdaMetricsOptions.BuiltInMetrics), options.BuiltInMetrics, options);
        options.ColdStartMetric = Flag(configuration, nameof(LambdaMetricsOptions.ColdStartMetric), options.ColdStartMetric, options);
        options.AddFunctionNameDimension = Flag(configuration, nameof(LambdaMetricsOptions.AddFunctionNameDimension), options.AddFunctionNameDimension, options);
        foreach (var dimension in configuration.GetSection(Prefix + nameof(LambdaMetricsOptions.DefaultDimensions)).GetChildren())
        {
            if (dimension.Value is { } value)
            {
                options.DefaultDimensions[dimension.Key] = value;
            }
        }

        return options;
    }

    private static bool Flag(IConfiguration configuration, string key, bool current, LambdaMetricsOptions options)
    {
        var text = configuration[Prefix + key];
        if (string.IsNullOrEmpty(text))
        {
            return current;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        options.AddConfigurationProblem($"{Prefix}{key} must be true or false (was '{text}').");
        return current;
    }
}
