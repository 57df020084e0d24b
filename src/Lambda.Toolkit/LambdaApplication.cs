using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit;

/// <summary>
/// A Lambda function: its services, its middleware pipeline and its handlers. Create one with
/// <see cref="CreateBuilder(string[])"/>, add middleware with <see cref="Use"/> and handlers with the
/// <c>MapHandler</c> methods, then call <see cref="RunAsync"/>. The pipeline is composed once, at init;
/// adding to it afterwards throws.
/// </summary>
public sealed partial class LambdaApplication : IAsyncDisposable
{
    private readonly List<Func<InvocationDelegate, InvocationDelegate>> _middleware = [];
    private readonly List<EventRoute> _routes = [];
    private readonly List<Func<IServiceProvider, CancellationToken, ValueTask>> _initHooks = [];
    private readonly List<Func<IServiceProvider, CancellationToken, ValueTask>> _shutdownHooks = [];
    private readonly List<Func<IServiceProvider, CancellationToken, ValueTask>> _beforeSnapshotHooks = [];
    private readonly List<Func<IServiceProvider, CancellationToken, ValueTask>> _afterRestoreHooks = [];
    private readonly List<ReadOnlyMemory<byte>> _primingEvents = [];
    private readonly ServiceProvider? _services;
    private readonly Exception? _buildFailure;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private LambdaRuntimeCore? _core;

    internal LambdaApplication(ServiceProvider? services, IConfiguration configuration, Exception? buildFailure)
    {
        _services = services;
        _buildFailure = buildFailure;
        Configuration = configuration;
        Logger = services?.GetService<ILoggerFactory>()?.CreateLogger("Lambda.Toolkit") ?? NullLogger.Instance;
    }

    /// <summary>Creates a builder with environment-variable configuration, the Lambda logger and the default services.</summary>
    /// <param name="args">Command-line arguments, added to configuration.</param>
    /// <returns>The builder.</returns>
    public static LambdaApplicationBuilder CreateBuilder(string[]? args = null) => new(args ?? []);

    /// <summary>The root service provider, built once and shared by every warm invocation.</summary>
    /// <exception cref="InvalidOperationException">The container could not be built; the failure is reported when the application runs.</exception>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The service provider could not be built: " + _buildFailure?.Message, _buildFailure);

    /// <summary>The root services, or <see langword="null"/> when the container could not be built.</summary>
    internal IServiceProvider? ServicesOrNull => _services;

    /// <summary>The configuration the application was built with.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>The application's logger (category <c>Lambda.Toolkit</c>).</summary>
    public ILogger Logger { get; }

    /// <summary>
    /// Adds middleware. The first middleware added is the outermost: it runs first and sees the result
    /// last. A middleware may short-circuit by not calling <c>next</c>, and may catch what <c>next</c> throws.
    /// </summary>
    /// <param name="middleware">Receives the rest of the pipeline and returns the delegate that wraps it.</param>
    /// <returns>This application.</returns>
    public LambdaApplication Use(Func<InvocationDelegate, InvocationDelegate> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        ThrowIfComposed();
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>
    /// Maps a handler for the events that <paramref name="accepts"/> recognises. Handlers are tried in the
    /// order they were mapped; an event no handler accepts fails with <see cref="LambdaErrorTypes.NoHandler"/>.
    /// </summary>
    /// <param name="accepts">Decides from the invocation (usually a quick look at its payload) whether the handler takes it.</param>
    /// <param name="handler">Processes the event and writes the response.</param>
    /// <returns>This application.</returns>
    public LambdaApplication MapEvent(Func<InvocationContext, bool> accepts, InvocationDelegate handler)
    {
        ArgumentNullException.ThrowIfNull(accepts);
        ArgumentNullException.ThrowIfNull(handler);
        AddRoute(new EventRoute(accepts, handler));
        return this;
    }

    /// <summary>Maps the handler for every event: it reads <see cref="InvocationContext.Payload"/> and writes <see cref="InvocationContext.Response"/>.</summary>
    /// <param name="handler">Processes the raw event.</param>
    /// <returns>This application.</returns>
    public LambdaApplication MapHandler(InvocationDelegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        AddRoute(new EventRoute(null, handler));
        return this;
    }

    /// <summary>
    /// Adds work to run once during init, after the container is built and before the first event:
    /// warm caches, open connections, prime handlers. Hooks run in the order they were added; one that
    /// throws fails init (reported to Lambda's init-error endpoint) and the process exits.
    /// </summary>
    /// <param name="hook">The work, given the root services and a token that fires when the process stops.</param>
    /// <returns>This application.</returns>
    public LambdaApplication OnInit(Func<IServiceProvider, CancellationToken, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ThrowIfComposed();
        _initHooks.Add(hook);
        return this;
    }

    /// <summary>
    /// Adds work to run when Lambda shuts the process down (SIGTERM) or the run is cancelled: flush
    /// telemetry, close connections. Hooks run in reverse order of registration; Lambda allows about
    /// 500 ms in total, and a hook that throws is logged and the next one still runs.
    /// </summary>
    /// <param name="hook">The work, given the root services and a token.</param>
    /// <returns>This application.</returns>
    public LambdaApplication OnShutdown(Func<IServiceProvider, CancellationToken, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        _shutdownHooks.Add(hook);
        return this;
    }

    /// <summary>
    /// Primes the function during init, where Lambda gives full CPU: after the init hooks, the whole
    /// pipeline runs once on <paramref name="syntheticEvent"/> with <see cref="InvocationContext.IsPriming"/>
    /// set (handlers should skip side effects), so JIT, JSON metadata, DI call sites and connections are
    /// warm before the first real event. The response is discarded; an error fails init.
    /// </summary>
    /// <param name="syntheticEvent">A representative event, UTF-8 JSON.</param>
    /// <returns>This application.</returns>
    public LambdaApplication Prime(ReadOnlyMemory<byte> syntheticEvent)
    {
        ThrowIfComposed();
        _primingEvents.Add(syntheticEvent.ToArray());
        return this;
    }

    /// <summary>Primes the function during init with a synthetic JSON event; see <see cref="Prime(ReadOnlyMemory{byte})"/>.</summary>
    /// <param name="syntheticEventJson">A representative event.</param>
    /// <returns>This application.</returns>
    public LambdaApplication Prime(string syntheticEventJson)
    {
        ArgumentNullException.ThrowIfNull(syntheticEventJson);
        return Prime(System.Text.Encoding.UTF8.GetBytes(syntheticEventJson));
    }

    /// <summary>
    /// Adds work to run before a SnapStart snapshot is taken (when <c>AWS_LAMBDA_INITIALIZATION_TYPE</c> is
    /// <c>snap-start</c>): close connections, drop secrets that must not be in the snapshot. These hooks run
    /// in reverse order of registration; one that throws fails init.
    /// </summary>
    /// <param name="hook">The work, given the root services.</param>
    /// <returns>This application.</returns>
    public LambdaApplication OnBeforeSnapshot(Func<IServiceProvider, CancellationToken, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ThrowIfComposed();
        _beforeSnapshotHooks.Add(hook);
        return this;
    }

    /// <summary>
    /// Adds work to run after a SnapStart restore: refresh credentials, reseed randomness, reopen
    /// connections. These hooks run in registration order; one that throws is reported to Lambda's
    /// restore-error endpoint and the process exits.
    /// </summary>
    /// <param name="hook">The work, given the root services.</param>
    /// <returns>This application.</returns>
    public LambdaApplication OnAfterRestore(Func<IServiceProvider, CancellationToken, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        ThrowIfComposed();
        _afterRestoreHooks.Add(hook);
        return this;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync().ConfigureAwait(false);
        }

        _initGate.Dispose();
    }

    /// <summary>
    /// Runs init once: reports a container failure, validates options, composes the pipeline and runs
    /// the init hooks. Later calls return the same result.
    /// </summary>
    internal async Task<LambdaRuntimeCore> InitializeAsync(CancellationToken cancellationToken)
    {
        await _initGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_core is not null)
            {
                return _core;
            }

            if (_buildFailure is not null)
            {
                throw _buildFailure;
            }

            var services = _services!;
            var options = services.GetRequiredService<IOptions<LambdaRuntimeOptions>>().Value;
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                throw new LambdaFunctionException(LambdaErrorTypes.InitFailed, "Invalid LambdaRuntimeOptions: " + string.Join(" ", problems));
            }

            var pipeline = Compose();
            foreach (var hook in _initHooks)
            {
                await hook(services, cancellationToken).ConfigureAwait(false);
            }

            var runner = new InvocationRunner(
                pipeline,
                services.GetRequiredService<IServiceScopeFactory>(),
                options,
                services.GetRequiredService<InvocationContextAccessor>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Lambda.Toolkit.Invocation"));
            var core = new LambdaRuntimeCore(runner, options, services.GetRequiredService<LambdaFunctionInfo>(), services.GetRequiredService<TimeProvider>());
            await PrimeAsync(core).ConfigureAwait(false);
            _core = core;
            return _core;
        }
        finally
        {
            _initGate.Release();
        }
    }

    private async Task PrimeAsync(LambdaRuntimeCore core)
    {
        for (var i = 0; i < _primingEvents.Count; i++)
        {
            var context = new InvocationContext(core.Function, core.TimeProvider) { IsPriming = true };
            context.Initialize($"priming-{i + 1}", core.TimeProvider.GetUtcNow().AddSeconds(30), string.Empty, null, null, null, _primingEvents[i]);
            var outcome = await core.Runner.RunAsync(context).ConfigureAwait(false);
            if (outcome.Error is { } error)
            {
                throw new LambdaFunctionException(LambdaErrorTypes.InitFailed, $"Priming invocation {i + 1} failed with {error.ErrorType}: {error.ErrorMessage}");
            }
        }
    }

    private void AddRoute(EventRoute route)
    {
        ThrowIfComposed();
        if (_routes.Count > 0 && _routes[^1].Accepts is null)
        {
            throw new InvalidOperationException("A handler for every event is already mapped; a handler mapped after it would never run. Map conditional handlers (MapEvent, adapters) before the catch-all one.");
        }

        _routes.Add(route);
    }

    private void ThrowIfComposed()
    {
        if (_core is not null)
        {
            throw new InvalidOperationException("The pipeline is composed at init; middleware, handlers and init hooks cannot be added after the application has started.");
        }
    }

    private InvocationDelegate Compose()
    {
        if (_routes.Count == 0)
        {
            throw new LambdaFunctionException(LambdaErrorTypes.InitFailed, "No handler is mapped: call app.MapHandler(...) or an adapter's Map method before RunAsync().");
        }

        InvocationDelegate terminal;
        if (_routes.Count == 1 && _routes[0].Accepts is null)
        {
            terminal = _routes[0].Handler;
        }
        else
        {
            var routes = _routes.ToArray();
            terminal = context =>
            {
                foreach (var route in routes)
                {
                    if (route.Accepts is null || route.Accepts(context))
                    {
                        return route.Handler(context);
                    }
                }

                throw new LambdaFunctionException(LambdaErrorTypes.NoHandler, $"None of the {routes.Length} mapped handlers accepts this event.");
            };
        }

        // The first middleware added is the outermost, so fold from the last one.
        var pipeline = terminal;
        for (var i = _middleware.Count - 1; i >= 0; i--)
        {
            pipeline = _middleware[i](pipeline);
        }

        return pipeline;
    }

    private sealed record EventRoute(Func<InvocationContext, bool>? Accepts, InvocationDelegate Handler);
}
