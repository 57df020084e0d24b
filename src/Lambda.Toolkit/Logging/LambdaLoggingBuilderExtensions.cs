using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit.Logging;

/// <summary>Adds the Lambda console logger to an <see cref="ILoggingBuilder"/>.</summary>
public static class LambdaLoggingBuilderExtensions
{
    /// <summary>
    /// Adds the logger that writes Lambda-style lines to stdout (text, or JSON when
    /// <c>AWS_LAMBDA_LOG_FORMAT=JSON</c>), and applies <c>AWS_LAMBDA_LOG_LEVEL</c> as the minimum level. Both
    /// come from the registered <see cref="LambdaEnvironment"/>; when none is registered, one is read from the
    /// process's environment variables. <see cref="LambdaApplication.CreateBuilder(string[])"/> adds the logger already.
    /// Scopes (<see cref="ILogger.BeginScope{TState}(TState)"/>) become keys of the line; see <see cref="LambdaLogKeys"/>.
    /// </summary>
    /// <param name="builder">The logging builder.</param>
    /// <param name="configure">Changes to the logger's options.</param>
    /// <returns>The same builder.</returns>
    public static ILoggingBuilder AddLambdaLogger(this ILoggingBuilder builder, Action<LambdaLoggerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(static _ => LambdaEnvironment.FromEnvironmentVariables());
        builder.Services.TryAddSingleton<Runtime.InvocationContextAccessor>();
        builder.Services.TryAddSingleton<IInvocationContextAccessor>(static sp => sp.GetRequiredService<Runtime.InvocationContextAccessor>());
        builder.Services.TryAddSingleton<InvocationLogs>();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, LambdaLoggerProvider>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LambdaLoggerOptions>, LambdaEnvironmentLoggingSetup>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LoggerFilterOptions>, LambdaEnvironmentLoggingSetup>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<LoggerFilterOptions>, LambdaLevelRulesSetup>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder;
    }
}
