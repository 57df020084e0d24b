using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Logging;

/// <summary>Adds the Lambda console logger to an <see cref="ILoggingBuilder"/>.</summary>
public static class LambdaLoggingBuilderExtensions
{
    /// <summary>
    /// Adds the logger that writes Lambda-style lines to stdout (text, or JSON when
    /// <c>AWS_LAMBDA_LOG_FORMAT=JSON</c>), and applies <c>AWS_LAMBDA_LOG_LEVEL</c> as the minimum level.
    /// <see cref="LambdaApplication.CreateBuilder(string[])"/> adds it already.
    /// </summary>
    /// <param name="builder">The logging builder.</param>
    /// <param name="configure">Changes to the logger's options.</param>
    /// <returns>The same builder.</returns>
    public static ILoggingBuilder AddLambdaLogger(this ILoggingBuilder builder, Action<LambdaLoggerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<Runtime.InvocationContextAccessor>();
        builder.Services.TryAddSingleton<IInvocationContextAccessor>(static sp => sp.GetRequiredService<Runtime.InvocationContextAccessor>());
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ILoggerProvider, LambdaLoggerProvider>());
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        var level = LambdaLogLevel.Parse(Environment.GetEnvironmentVariable("AWS_LAMBDA_LOG_LEVEL"));
        if (level is not null)
        {
            builder.SetMinimumLevel(level.Value);
        }

        return builder;
    }
}
