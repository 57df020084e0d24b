using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lambda.Toolkit;

/// <summary>
/// A Lambda function: its services, its middleware pipeline and its handlers. Create one with
/// <see cref="CreateBuilder(string[])"/>, add middleware with <see cref="Use(Func{InvocationDelegate, InvocationDelegate})"/> and handlers with the
/// <c>MapHandler</c> methods, then call <see cref="RunAsync"/>. The pipeline is composed once, at init;
/// adding to it afterwards throws.
/// </summary>
public sealed partial class LambdaApplication : IAsyncDisposable
{
    private readonly List<MiddlewareEntry> _middleware = [];
    private readonly List<LambdaAdapter> _adapters = [];
    private readonly IReadOnlyList<string> _builderProblems;
    private readonly List<Func<IServiceProvider, CancellationToken, ValueTask>> _initHooks = [];
    private readonly List<Func<IServiceProvider, CancellationToken, ValueTask>> _shutdownHooks = [];
    private readonly List<Func<IServiceProvider, CancellationToken, ValueTask>> _beforeSnapshotHooks = [];
    private readonly List<Func<IServiceProvider, CancellationToken, ValueTask>> _afterRestoreHooks = [];
    private readonly List<ReadOnlyMemory<byte>> _primingEvents = [];
    private readonly ServiceProvider? _services;
    private readonly Exception? _buildFailure;
    private readonly SemaphoreSlim _initGate = new(1, 1);
    private readonly InitTimeline? _timeline;
    private LambdaRuntimeCore? _core;

    internal LambdaApplication(ServiceProvider? services, IConfiguration configuration, LambdaEnvironment environment, Exception? buildFailure, IReadOnlyList<string>? builderProblems = null, InitTimeline? timeline = null)
    {
        _timeline = timeline;
        _services = services;
        Environment = environment;
        _buildFailure = buildFailure;
        _builderProblems = builderProblems ?? [];
        Configuration = configuration;
        Logger = services?.GetService<ILoggerFactory>()?.CreateLogger("Lambda.Toolkit") ?? NullLogger.Instance;
        _timeline?.Mark("logging");
    }

    /// <summary>Creates a builder with environment-variable configuration, the Lambda logger and the default services.</summary>
    /// <param name="args">Command-line arguments, added to configuration.</param>
    /// <returns>The builder.</returns>
    public static LambdaApplicationBuilder CreateBuilder(string[]? args = null) => new(args ?? [], null);

    /// <summary>
    /// Creates a builder from <paramref name="options"/>: its arguments, and its <see cref="LambdaEnvironment"/>
    /// instead of the one read from this process's environment variables.
    /// </summary>
    /// <param name="options">The arguments and the environment.</param>
    /// <returns>The builder.</returns>
    public static LambdaApplicationBuilder CreateBuilder(LambdaApplicationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(options.Args ?? [], options.Environment);
    }

    /// <summary>The root service provider, built once and shared by every warm invocation.</summary>
    /// <exception cref="InvalidOperationException">The container could not be built; the failure is reported when the application runs.</exception>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The service provider could not be built: " + _buildFailure?.Message, _buildFailure);

    /// <summary>The Lambda environment the application was built with, read once when its builder was created.</summary>
    public LambdaEnvironment Environment { get; }

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
        _middleware.Add(new MiddlewareEntry("Middleware", _ => middleware));
        return this;
    }

    /// <summary>Adds middleware built at init, when the root services exist and problems can be reported.</summary>
    internal LambdaApplication Use(string name, Func<PipelineBuildContext, Func<InvocationDelegate, InvocationDelegate>> build)
    {
        ThrowIfComposed();
        _middleware.Add(new MiddlewareEntry(name, build));
        return this;
    }

    /// <summary>
    /// Maps an adapter: an event source with its own way of recognising, reading and answering events. The
    /// adapter is only recorded here; it validates its options and builds its delegate at init, where a
    /// problem becomes an init error. Adapters are asked in the order they were mapped.
    /// </summary>
    /// <param name="adapter">The adapter.</param>
    /// <returns>This application.</returns>
    public LambdaApplication MapAdapter(LambdaAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        ThrowIfComposed();
        _adapters.Add(adapter);
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
        return MapAdapter(new HandlerAdapter("Event handler", accepts, _ => handler));
    }

    /// <summary>Maps the handler for every event: it reads <see cref="InvocationContext.Payload"/> and writes <see cref="InvocationContext.Response"/>.</summary>
    /// <param name="handler">Processes the raw event.</param>
    /// <returns>This application.</returns>
    public LambdaApplication MapHandler(InvocationDelegate handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return MapAdapter(new HandlerAdapter("Handler", null, _ => handler));
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
    /// Runs init once, as <see cref="RunAsync"/> does before its loop: validates the options, builds every
    /// middleware and adapter (each problem collected, then reported together), and runs the init hooks and
    /// priming. Returns an invoker that runs invocations in-process; later calls return the same one.
    /// </summary>
    /// <param name="cancellationToken">Cancels init.</param>
    /// <returns>The invoker.</returns>
    /// <exception cref="LambdaFunctionException">Init has problems (<see cref="LambdaErrorTypes.InitFailed"/>), every one listed in the message.</exception>
    public async Task<LambdaInvoker> InitializeAsync(CancellationToken cancellationToken = default) =>
        new(await InitializeCoreAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Runs init once: reports a container failure, validates options, composes the pipeline and runs
    /// the init hooks. Later calls return the same result.
    /// </summary>
    internal async Task<LambdaRuntimeCore> InitializeCoreAsync(CancellationToken cancellationToken)
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
                throw _builderProblems.Count == 0 ? _buildFailure : InitFailed([.. _builderProblems, _buildFailure.Message]);
            }

            var services = _services!;
            var problems = new List<string>(_builderProblems);
            var options = services.GetRequiredService<IOptions<LambdaRuntimeOptions>>().Value;
            foreach (var problem in options.Validate())
            {
                problems.Add($"{nameof(LambdaRuntimeOptions)}: {problem}");
            }

            foreach (var problem in services.GetService<IOptions<Logging.LambdaLoggerOptions>>()?.Value.Validate() ?? [])
            {
                problems.Add($"{nameof(Logging.LambdaLoggerOptions)}: {problem}");
            }

            _timeline?.Mark("options");

            var pipeline = Compose(services, problems);
            if (problems.Count > 0)
            {
                throw InitFailed(problems);
            }

            foreach (var hook in _initHooks)
            {
                await hook(services, cancellationToken).ConfigureAwait(false);
            }

            _timeline?.Mark("init hooks");

            var runner = new InvocationRunner(
                pipeline,
                services.GetRequiredService<IServiceScopeFactory>(),
                options,
                services.GetRequiredService<InvocationContextAccessor>(),
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Lambda.Toolkit.Invocation"),
                services.GetService<Logging.InvocationLogs>());
            var core = new LambdaRuntimeCore(runner, options, services.GetRequiredService<LambdaFunctionInfo>(), services.GetRequiredService<TimeProvider>());
            await PrimeAsync(core).ConfigureAwait(false);
            _timeline?.Mark("priming");
            _core = core;
            return _core;
        }
        finally
        {
            _initGate.Release();
        }
    }

    private static LambdaFunctionException InitFailed(List<string> problems) =>
        new(LambdaErrorTypes.InitFailed, problems.Count == 1
            ? problems[0]
            : $"Init found {problems.Count} problems: " + string.Join(" ", problems.Select(static (p, i) => $"({i + 1}) {p}")));

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

    private void ThrowIfComposed()
    {
        if (_core is not null)
        {
            throw new InvalidOperationException("The pipeline is composed at init; middleware, handlers and init hooks cannot be added after the application has started.");
        }
    }

    /// <summary>Builds the adapters and the middleware around them; every problem goes to <paramref name="problems"/>.</summary>
    private InvocationDelegate Compose(IServiceProvider services, List<string> problems)
    {
        if (_adapters.Count == 0)
        {
            problems.Add("No handler is mapped: call app.MapHandler(...) or an adapter's Map method before RunAsync().");
        }

        var built = new List<(LambdaAdapter Adapter, InvocationDelegate Handler)>(_adapters.Count);
        for (var i = 0; i < _adapters.Count; i++)
        {
            var adapter = _adapters[i];
            if (adapter is HandlerAdapter { AcceptsAll: true } && i < _adapters.Count - 1)
            {
                problems.Add($"{adapter.Name}: a handler for every event is mapped before {_adapters.Count - 1 - i} other adapter(s), which would never run. Map conditional handlers (MapEvent, adapters) before the catch-all one.");
            }

            var before = problems.Count;
            var handler = Build(adapter.Name, services, problems, adapter.Build);
            _timeline?.Mark("pipeline", adapter.Name);
            if (handler is not null)
            {
                built.Add((adapter, handler));
            }
            else if (problems.Count == before)
            {
                problems.Add($"{adapter.Name}: the adapter built no handler and reported no problem.");
            }
        }

        var middleware = new List<Func<InvocationDelegate, InvocationDelegate>>(_middleware.Count);
        foreach (var entry in _middleware)
        {
            if (Build(entry.Name, services, problems, entry.Build) is { } wrap)
            {
                middleware.Add(wrap);
            }

            _timeline?.Mark("pipeline", entry.Name);
        }

        // Filters registered as services (IPipelineFilter) wrap everything the application added: they go first.
        var filters = services.GetServices<IPipelineFilter>().ToArray();
        for (var i = filters.Length - 1; i >= 0; i--)
        {
            if (Build(filters[i].Name, services, problems, filters[i].Build) is { } wrap)
            {
                middleware.Insert(0, wrap);
            }

            _timeline?.Mark("pipeline", filters[i].Name);
        }

        var pipeline = Route(built);
        _timeline?.Mark("pipeline", "routing");

        // The first middleware added is the outermost, so fold from the last one.
        for (var i = middleware.Count - 1; i >= 0; i--)
        {
            pipeline = middleware[i](pipeline);
        }

        _timeline?.Mark("pipeline", "composition");

        return pipeline;
    }

    private static T? Build<T>(string name, IServiceProvider services, List<string> problems, Func<PipelineBuildContext, T?> build)
        where T : class
    {
        try
        {
            return build(new PipelineBuildContext(services, name, problems));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A part that throws while being built is one more init problem: the others are still reported.
            problems.Add($"{name}: {ex.GetType().Name}: {ex.Message}");
            return null;
        }
    }

    private static InvocationDelegate Route(List<(LambdaAdapter Adapter, InvocationDelegate Handler)> built)
    {
        if (built.Count == 1 && built[0].Adapter is HandlerAdapter { AcceptsAll: true })
        {
            return built[0].Handler;
        }

        var adapters = built.ConvertAll(static b => b.Adapter).ToArray();
        var handlers = built.ConvertAll(static b => b.Handler).ToArray();
        return context =>
        {
            for (var i = 0; i < adapters.Length; i++)
            {
                if (adapters[i].Accepts(context))
                {
                    return handlers[i](context);
                }
            }

            throw NoHandler(context, adapters);
        };
    }

    private static LambdaFunctionException NoHandler(InvocationContext context, LambdaAdapter[] adapters)
    {
        var names = string.Join(", ", adapters.Select(static a => a.Name));
        return EventReader.WhyNotJson(context.Payload.Span) is { } notJson
            ? new InvalidEventException(typeof(object), $"The event cannot be routed: {notJson}. Mapped: {names}.")
            : new LambdaFunctionException(LambdaErrorTypes.NoHandler, $"None of the {adapters.Length} mapped handlers accepts this event ({names}).");
    }

    private sealed record MiddlewareEntry(string Name, Func<PipelineBuildContext, Func<InvocationDelegate, InvocationDelegate>> Build);
}
