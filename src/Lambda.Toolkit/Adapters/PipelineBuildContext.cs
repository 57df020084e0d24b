using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lambda.Toolkit.Adapters;

/// <summary>
/// What an adapter or a middleware gets when the pipeline is built, once, at init: the root services, the
/// init problem list, and checked resolution of the services it will need per invocation.
/// </summary>
public sealed class PipelineBuildContext
{
    private readonly List<string> _problems;
    private readonly string _owner;
    private readonly IServiceProviderIsService? _isService;
    private int _reported;

    internal PipelineBuildContext(IServiceProvider services, string owner, List<string> problems)
    {
        Services = services;
        _owner = owner;
        _problems = problems;
        _isService = services.GetService<IServiceProviderIsService>();
    }

    /// <summary>The root services, built once and shared by every invocation.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Whether this part (the adapter or middleware being built) has reported a problem through this context.</summary>
    public bool HasProblems => _reported > 0;

    /// <summary>
    /// Reports a configuration problem (an invalid option, a missing registration). Init goes on collecting
    /// problems from every part, then fails once, with all of them in one <c>init/error</c> message.
    /// </summary>
    /// <param name="problem">What is wrong and how to fix it, as one sentence.</param>
    public void AddProblem(string problem)
    {
        ArgumentException.ThrowIfNullOrEmpty(problem);
        _problems.Add($"{_owner}: {problem}");
        _reported++;
    }

    /// <summary>Reports problems gathered by an options object's own validation.</summary>
    /// <param name="problems">The problems; none is fine.</param>
    public void AddProblems(IEnumerable<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var problem in problems)
        {
            AddProblem(problem);
        }
    }

    /// <summary>
    /// Checks now, at init, that <typeparamref name="T"/> is registered, and returns how to get it from an
    /// invocation's (or a record's) scope. An unregistered type is reported as a problem naming the
    /// registration to add; nothing is ever created by reflection.
    /// </summary>
    /// <typeparam name="T">A handler, endpoint or middleware class.</typeparam>
    /// <returns>Resolves <typeparamref name="T"/> from a scope's services.</returns>
    public Func<IServiceProvider, T> GetScopedServiceFactory<T>()
        where T : class
    {
        RequireService(typeof(T), $"add builder.Services.AddScoped<{typeof(T).Name}>() (or AddSingleton/AddTransient) before Build()");
        return static services => services.GetRequiredService<T>();
    }

    /// <summary>Checks now, at init, that a service the part will resolve later is registered; reports a problem when it is not.</summary>
    /// <param name="serviceType">The service type.</param>
    /// <param name="fix">How to register it, for the problem's message, for example <c>add builder.Services.AddSingleton&lt;IAmazonSQS&gt;(new AmazonSQSClient())</c>.</param>
    /// <returns>Whether the service is registered.</returns>
    public bool RequireService(Type serviceType, string fix)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        ArgumentException.ThrowIfNullOrEmpty(fix);
        if (_isService is null || _isService.IsService(serviceType))
        {
            return true;
        }

        AddProblem($"{serviceType.Name} is not registered: {fix}.");
        return false;
    }

    /// <summary>A logger from the application's logging setup.</summary>
    /// <param name="category">The category, for example <c>MyCompany.Queue</c>.</param>
    /// <returns>The logger.</returns>
    public ILogger CreateLogger(string category) =>
        Services.GetService<ILoggerFactory>()?.CreateLogger(category) ?? NullLogger.Instance;

    /// <summary>The application's clock (<see cref="TimeProvider.System"/> unless one is registered).</summary>
    public TimeProvider TimeProvider => Services.GetService<TimeProvider>() ?? TimeProvider.System;
}
