using Lambda.Toolkit.Logging;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit;

/// <summary>
/// Builds a <see cref="LambdaApplication"/>: register services, read configuration, set up logging,
/// then <see cref="Build"/>. Everything here runs once, during Lambda's init phase.
/// </summary>
public sealed class LambdaApplicationBuilder
{
    private readonly ServiceCollection _services = [];
    private readonly List<string> _problems = [];
    private readonly InitTimeline? _timeline;
    private bool _built;

    internal LambdaApplicationBuilder(string[] args, LambdaEnvironment? environment)
    {
        Environment = environment ?? LambdaEnvironment.FromEnvironmentVariables();
        _timeline = Environment.InitTimeline ? new InitTimeline() : null;
        _problems.AddRange(Environment.Problems);
        Configuration = new ConfigurationManager();
        Configuration.AddEnvironmentVariables();
        if (args.Length > 0)
        {
            Configuration.AddCommandLine(args);
        }

        var hostEnvironment = Configuration["DOTNET_ENVIRONMENT"] ?? Configuration["LAMBDA_TOOLKIT_ENVIRONMENT"];
        var development = string.Equals(hostEnvironment, "Development", StringComparison.OrdinalIgnoreCase);
        ServiceProviderOptions = new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = development };

        _services.AddSingleton<IConfiguration>(Configuration);
        _services.TryAddSingleton(TimeProvider.System);
        _services.AddSingleton(Environment);
        _services.TryAddSingleton(static sp => sp.GetRequiredService<LambdaEnvironment>().Function);
        _services.AddOptions();
        OptionsReadOnce<LambdaRuntimeOptions>.TryAdd(_services);
        _services.AddLambdaLogging();
        Logging = new LoggingBuilder(_services);

        if (Environment.MaxConcurrency is { } loops)
        {
            _services.Configure<LambdaRuntimeOptions>(o => o.MaxConcurrency = loops);
        }

        _timeline?.Mark("configuration");
    }

    /// <summary>
    /// The Lambda environment, read once when the builder was created (from
    /// <see cref="LambdaApplicationOptions.Environment"/>, else from the process's environment variables) and
    /// registered as a singleton. Its <see cref="LambdaEnvironment.Problems"/> fail init.
    /// </summary>
    public LambdaEnvironment Environment { get; }

    /// <summary>The services of the function. Singletons live across warm invocations; scoped services live for one invocation.</summary>
    public IServiceCollection Services => _services;

    /// <summary>Configuration: environment variables, then command-line arguments.</summary>
    public ConfigurationManager Configuration { get; }

    /// <summary>
    /// Logging: the Lambda console logger is added, <c>AWS_LAMBDA_LOG_LEVEL</c> sets the minimum level, and a
    /// <c>Logging</c> configuration section (for example <c>Logging__LogLevel__Default</c>), when present at
    /// <see cref="Build"/>, sets filters. The filters (these, <c>SetMinimumLevel</c>, <c>AddFilter</c>, in registration
    /// order) are read once, when the logger factory is created at <see cref="Build"/>: nothing reloads a function's
    /// configuration, so the factory does not watch them through an options monitor.
    /// </summary>
    public ILoggingBuilder Logging { get; }

    /// <summary>
    /// How the root container is built. Default: <c>ValidateOnBuild</c> on in every environment, production
    /// included (a registered service that cannot be constructed fails init, not the invocation that first needs it);
    /// <c>ValidateScopes</c> on when <c>DOTNET_ENVIRONMENT=Development</c>. Validation stays on because it is cheap:
    /// the services the builder registers are instances or factories and its options are closed registrations read
    /// once, so validating them reflects over no constructor and makes no generic type (about 0.04 ms of a Native AOT
    /// cold start, measured); your own services cost what their constructors' call sites cost, which the first
    /// resolution reuses.
    /// </summary>
    public ServiceProviderOptions ServiceProviderOptions { get; }

    /// <summary>
    /// Builds the root service provider, once. A failure here (an invalid registration, a bad environment
    /// value) does not throw: the application reports it to Lambda's init-error endpoint when it runs.
    /// </summary>
    /// <returns>The application.</returns>
    /// <exception cref="InvalidOperationException">Build was already called.</exception>
    public LambdaApplication Build()
    {
        if (_built)
        {
            throw new InvalidOperationException("Build() can be called only once per builder.");
        }

        _built = true;
        _timeline?.Mark("registration");
        var logging = Configuration.GetSection("Logging");
        if (logging.Exists())
        {
            // Binding log filters from configuration costs init time; pay it only when there is something to bind.
            _services.AddLogging(builder => builder.AddConfiguration(logging));
        }

        _services.MakeReadOnly();
        try
        {
            // Environment problems do not stop the container: init reports them with every other problem.
            var services = _services.BuildServiceProvider(ServiceProviderOptions);
            _timeline?.Mark("container");
            return new LambdaApplication(services, Configuration, Environment, null, _problems, _timeline);
        }
        catch (AggregateException ex)
        {
            // ValidateOnBuild gathers one exception per service that cannot be constructed.
            Exception failure = ex.InnerExceptions.Count == 1
                ? ex.InnerExceptions[0]
                : new LambdaFunctionException(LambdaErrorTypes.InitFailed, ex.Message, ex);
            return new LambdaApplication(null, Configuration, Environment, failure, _problems);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            return new LambdaApplication(null, Configuration, Environment, ex, _problems);
        }
    }

    private sealed class LoggingBuilder(IServiceCollection services) : ILoggingBuilder
    {
        public IServiceCollection Services { get; } = services;
    }
}
