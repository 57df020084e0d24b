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
        // Factories, not constructor registrations: the container neither reflects over constructors nor makes
        // generic types at init for them (see OptionsReadOnce).
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static _ => LambdaEnvironment.FromEnvironmentVariables());
        services.TryAddSingleton(static _ => new Runtime.InvocationContextAccessor());
        services.TryAddSingleton<IInvocationContextAccessor>(static sp => sp.GetRequiredService<Runtime.InvocationContextAccessor>());
        OptionsReadOnce<LambdaLoggerOptions>.TryAdd(services);
        services.TryAddSingleton(static sp => new InvocationLogs(sp.GetRequiredService<IOptions<LambdaLoggerOptions>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, LambdaLoggerProvider>(static sp => new LambdaLoggerProvider(
            sp.GetRequiredService<IOptions<LambdaLoggerOptions>>(),
            sp.GetRequiredService<IInvocationContextAccessor>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<LambdaEnvironment>(),
            sp.GetRequiredService<InvocationLogs>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LambdaLoggerOptions>, LambdaEnvironmentLoggingSetup>(static sp => new LambdaEnvironmentLoggingSetup(sp.GetRequiredService<LambdaEnvironment>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<LoggerFilterOptions>, LambdaEnvironmentLoggingSetup>(static sp => new LambdaEnvironmentLoggingSetup(sp.GetRequiredService<LambdaEnvironment>())));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<LoggerFilterOptions>, LambdaLevelRulesSetup>(static sp => new LambdaLevelRulesSetup(sp.GetRequiredService<InvocationLogs>())));
        if (configure is not null)
        {
            services.Configure(configure);
        }

        return builder;
    }

    /// <summary>
    /// The logging of <see cref="LambdaApplication.CreateBuilder(string[])"/>: <c>AddLogging</c> with the Lambda
    /// logger, and the <see cref="ILoggerFactory"/> built by a factory from the registered providers and the log
    /// filters read once (<see cref="FixedLoggerFilterOptions"/>), instead of from <c>IOptionsMonitor&lt;LoggerFilterOptions&gt;</c>.
    /// The filters are the same: <c>SetMinimumLevel</c>, <c>AddFilter</c>, a <c>Logging</c> configuration section and
    /// <c>AWS_LAMBDA_LOG_LEVEL</c> are all setups of <see cref="LoggerFilterOptions"/>, applied in registration order.
    /// </summary>
    /// <param name="services">The function's services.</param>
    internal static void AddLambdaLogging(this IServiceCollection services)
    {
        services.TryAddSingleton<ILoggerFactory>(static sp => new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            new FixedLoggerFilterOptions(OptionsReadOnce<LoggerFilterOptions>.Build(sp)),
            sp.GetRequiredService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()));
        OptionsReadOnce<LoggerFactoryOptions>.TryAdd(services);
        services.AddLogging(static logging => logging.AddLambdaLogger());
    }
}
