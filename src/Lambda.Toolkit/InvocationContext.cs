using System.Diagnostics.CodeAnalysis;
using Lambda.Toolkit.Adapters;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit;

/// <summary>
/// Everything about one invocation: the ids and deadline Lambda sent, the raw event, the scoped
/// services, the cancellation token that fires before the deadline, and the response being built.
/// </summary>
/// <remarks>
/// A context object is reused by the next invocation on the same loop once this one has finished,
/// so do not keep a reference to it (or to <see cref="Payload"/>) after the pipeline returns.
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "The reused deadline token source has no timer of its own and lives as long as its loop; the deadline timer fires at most once more after the last invocation and then stays disarmed. Disposing the context is never the user's job.")]
public sealed class InvocationContext
{
    /// <summary>
    /// The longest delay a <see cref="CancellationTokenSource"/> timer accepts (<see cref="uint.MaxValue"/> - 1 ms,
    /// about 49.7 days). Lambda's timeout is at most 15 minutes: a deadline further away than this is no deadline.
    /// </summary>
    internal static readonly TimeSpan MaxTimerDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private Dictionary<object, object?>? _items;
    private IServiceProvider? _services = EmptyServiceProvider.Instance;
    private IServiceScopeFactory? _scopeFactory;
    private IServiceScope? _scope;
    private readonly object _deadlineGate = new();
    private CancellationTokenSource? _cancellation;
    private CancellationTokenSource? _running;
    private CancellationTokenSource? _firing;
    private ITimer? _deadlineTimer;
    private long _cancelAtTicks;
    private long _timerDueTicks = long.MaxValue;
    private Classification? _classifications;
    private int _invocation;
    private string _invokedFunctionArn = string.Empty;
    private string? _traceId;
    private string? _clientContext;
    private string? _cognitoIdentity;
    private CancellationToken _cancellationToken;

    internal InvocationContext(LambdaFunctionInfo function, TimeProvider timeProvider)
    {
        Function = function;
        TimeProvider = timeProvider;
    }

    /// <summary>
    /// Creates a context for one invocation outside the Runtime API loop: to unit-test a handler, an endpoint or
    /// a middleware without the pipeline, or to run an invocation in-process with <see cref="LambdaInvoker"/>.
    /// Set <see cref="Services"/> and <see cref="CancellationToken"/> for code that uses them; the invoker
    /// replaces both with the invocation's own scope and deadline token.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="deadline">When the invocation would be stopped.</param>
    /// <param name="payload">The raw event, UTF-8 JSON.</param>
    /// <param name="function">The function's name, version and memory; empty values when <see langword="null"/>.</param>
    /// <param name="timeProvider">The clock for <see cref="RemainingTime"/>; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public InvocationContext(string requestId, DateTimeOffset deadline, ReadOnlyMemory<byte> payload, LambdaFunctionInfo? function = null, TimeProvider? timeProvider = null)
        : this(function ?? new LambdaFunctionInfo(string.Empty, string.Empty, 0, string.Empty, string.Empty), timeProvider ?? TimeProvider.System)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        RequestId = requestId;
        Deadline = deadline;
        Payload = payload;
    }

    /// <summary>The request id Lambda assigned to this invocation (<c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    public string RequestId { get; private set; } = string.Empty;

    /// <summary>When Lambda will stop this invocation (<c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    public DateTimeOffset Deadline { get; private set; }

    /// <summary>The time left until <see cref="Deadline"/>, never negative.</summary>
    public TimeSpan RemainingTime
    {
        get
        {
            var left = Deadline - TimeProvider.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>The ARN used to invoke the function, including an alias or version qualifier if one was used.</summary>
    public string InvokedFunctionArn { get => _invokedFunctionArn; init => _invokedFunctionArn = value ?? string.Empty; }

    /// <summary>The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>), or <see langword="null"/>.</summary>
    public string? TraceId { get => _traceId; init => _traceId = value; }

    /// <summary>The client context JSON sent by a mobile SDK caller (<c>Lambda-Runtime-Client-Context</c>), or <see langword="null"/>.</summary>
    public string? ClientContext { get => _clientContext; init => _clientContext = value; }

    /// <summary>The Amazon Cognito identity JSON of a mobile SDK caller (<c>Lambda-Runtime-Cognito-Identity</c>), or <see langword="null"/>.</summary>
    public string? CognitoIdentity { get => _cognitoIdentity; init => _cognitoIdentity = value; }

    /// <summary>The function's name, version, memory and log destination.</summary>
    public LambdaFunctionInfo Function { get; }

    /// <summary>The raw event, UTF-8 JSON as Lambda sent it. Valid only while the invocation runs.</summary>
    public ReadOnlyMemory<byte> Payload { get; private set; }

    /// <summary>
    /// The services of this invocation's scope; disposed when the invocation ends. The scope is created on first
    /// use, so an invocation that resolves nothing from it does not pay for one.
    /// </summary>
    public IServiceProvider Services { get => _services ?? OpenScope(); init => _services = value ?? EmptyServiceProvider.Instance; }

    /// <summary>Fires a safety margin before <see cref="Deadline"/> (see <see cref="LambdaRuntimeOptions.CancellationMargin"/>).</summary>
    public CancellationToken CancellationToken { get => _cancellationToken; init => _cancellationToken = value; }

    /// <summary>The response being built.</summary>
    public InvocationResponse Response { get; } = new();

    /// <summary>A per-invocation bag for middleware to hand values to later middleware and handlers.</summary>
    public IDictionary<object, object?> Items => _items ??= [];

    /// <summary>
    /// Whether this is a priming invocation run during init on a synthetic event (see
    /// <see cref="LambdaApplication.Prime(ReadOnlyMemory{byte})"/>): handlers should skip side effects
    /// such as writes and messages. Its response is discarded.
    /// </summary>
    public bool IsPriming { get; internal set; }

    /// <summary>
    /// Whether this is the first invocation of the execution environment that ran the pipeline: the one that paid for
    /// init (Lambda's cold start). Priming invocations and warm-up pings do not count; logs carry it as
    /// <c>coldStart</c> and metrics emit it once.
    /// </summary>
    public bool IsColdStart { get; internal set; }

    /// <summary>The clock used for <see cref="RemainingTime"/>.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// Classifies the payload with <paramref name="classifier"/> at most once per invocation: the first call runs
    /// it, later calls (from other adapters, or from the adapter's own delegate) return the cached answer.
    /// </summary>
    /// <typeparam name="TClass">The classifier's answer.</typeparam>
    /// <param name="classifier">A classifier instance shared by everyone who wants the same answer.</param>
    /// <returns>The payload's class.</returns>
    public TClass Classify<TClass>(EventClassifier<TClass> classifier)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        for (var entry = _classifications; entry is not null; entry = entry.Next)
        {
            if (ReferenceEquals(entry.Classifier, classifier))
            {
                var typed = (Classification<TClass>)entry;
                if (typed.Invocation != _invocation)
                {
                    typed.Value = classifier.Classify(Payload.Span);
                    typed.Invocation = _invocation;
                }

                return typed.Value;
            }
        }

        // First use on this context: the entry is kept, so a warm loop's context classifies without allocating.
        var added = new Classification<TClass>(classifier, _classifications) { Value = classifier.Classify(Payload.Span), Invocation = _invocation };
        _classifications = added;
        return added.Value;
    }

    internal void Initialize(
        string requestId,
        DateTimeOffset deadline,
        string invokedFunctionArn,
        string? traceId,
        string? clientContext,
        string? cognitoIdentity,
        ReadOnlyMemory<byte> payload)
    {
        RequestId = requestId;
        Deadline = deadline;
        _invokedFunctionArn = invokedFunctionArn;
        _traceId = traceId;
        _clientContext = clientContext;
        _cognitoIdentity = cognitoIdentity;
        Payload = payload;
        _invocation++;
    }

    /// <summary>Whether the runner is running this context's invocation (what <see cref="IInvocationContextAccessor"/> reports).</summary>
    internal bool IsRunning { get; set; }

    /// <summary>
    /// Starts the invocation: its scope (created from <paramref name="scopes"/> when first used) and its deadline
    /// token, which fires <paramref name="cancellationMargin"/> before <see cref="Deadline"/>.
    /// </summary>
    internal void Begin(IServiceScopeFactory scopes, TimeSpan cancellationMargin)
    {
        _services = null;
        _scope = null;
        _scopeFactory = scopes;
        _cancellationToken = StartDeadline(Deadline.UtcTicks - cancellationMargin.Ticks);
        IsRunning = true;
    }

    /// <summary>Ends the invocation: returns its scope, if one was created, for the runner to dispose.</summary>
    internal IServiceScope? End()
    {
        IsRunning = false;
        lock (_deadlineGate)
        {
            _running = null;
        }

        _scopeFactory = null;
        var scope = _scope;
        _scope = null;
        return scope;
    }

    /// <summary>
    /// Gives the invocation up while its handler still runs (a timeout): the scope is created now if the handler
    /// has not used it yet, and stays this context's (which is never reused), to be disposed once the handler ends.
    /// </summary>
    internal IServiceScope Abandon()
    {
        _ = Services;
        return _scope!;
    }

    /// <summary>
    /// The deadline token of an invocation whose token fires at <paramref name="cancelAtTicks"/> (UTC ticks of
    /// <see cref="TimeProvider"/>). Its source is kept with the context and reset, so a warm loop allocates none,
    /// and it has no timer of its own: one timer per context, armed for the earliest deadline it may have to
    /// enforce, is left running across invocations (later invocations have later deadlines) and, when it fires
    /// early, re-armed for the running invocation's. A warm invocation only records its deadline; re-arming a
    /// timer per invocation took two timer-queue updates and a clock read. A deadline beyond what a timer
    /// accepts (<see cref="MaxTimerDelay"/>, from a header years away) means no timer.
    /// </summary>
    private CancellationToken StartDeadline(long cancelAtTicks)
    {
        lock (_deadlineGate)
        {
            var cancellation = _cancellation;
            if (cancellation is null || ReferenceEquals(cancellation, _firing) || !cancellation.TryReset())
            {
                // Fired (or firing now, on the timer's thread): the next invocation gets a source of its own.
                cancellation = _cancellation = new CancellationTokenSource();
            }

            _running = cancellation;
            _cancelAtTicks = cancelAtTicks;
            if (cancelAtTicks < _timerDueTicks)
            {
                Arm(TimeProvider.GetUtcNow().UtcTicks);
            }

            return cancellation.Token;
        }
    }

    /// <summary>Arms the timer for the running invocation's deadline, unless it is further away than a timer can wait (under the gate).</summary>
    private void Arm(long nowTicks)
    {
        var delay = Math.Max(_cancelAtTicks - nowTicks, 0);
        if (delay > MaxTimerDelay.Ticks)
        {
            return;
        }

        var timer = _deadlineTimer ??= CreateDeadlineTimer();
        _timerDueTicks = nowTicks + delay;
        timer.Change(TimeSpan.FromTicks(delay), Timeout.InfiniteTimeSpan);
    }

    /// <summary>The context's deadline timer, without the creating flow's execution context (as a token source's own timer).</summary>
    private ITimer CreateDeadlineTimer()
    {
        var suppressed = ExecutionContext.IsFlowSuppressed();
        var flow = suppressed ? default : ExecutionContext.SuppressFlow();
        try
        {
            return TimeProvider.CreateTimer(static state => ((InvocationContext)state!).OnDeadlineTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
        finally
        {
            if (!suppressed)
            {
                flow.Undo();
            }
        }
    }

    private void OnDeadlineTimer()
    {
        CancellationTokenSource expired;
        lock (_deadlineGate)
        {
            _timerDueTicks = long.MaxValue;
            if (_running is null)
            {
                return; // between invocations: stay disarmed until the next one
            }

            var now = TimeProvider.GetUtcNow().UtcTicks;
            if (now < _cancelAtTicks)
            {
                Arm(now); // armed for an earlier invocation's deadline: wait for this one's
                return;
            }

            expired = _running;
            _running = null;
            _firing = expired;
        }

        // Outside the gate: the token's callbacks run here, on the timer's thread.
        expired.Cancel();
        lock (_deadlineGate)
        {
            _firing = null;
        }
    }

    private IServiceProvider OpenScope()
    {
        var factory = _scopeFactory;
        if (factory is null)
        {
            return EmptyServiceProvider.Instance;
        }

        var scope = factory.CreateScope();
        if (Interlocked.CompareExchange(ref _scope, scope, null) is { } first)
        {
            // Two threads of one invocation asked at once: the first scope wins.
            scope.Dispose();
            return first.ServiceProvider;
        }

        return _services = scope.ServiceProvider;
    }

    /// <summary>Clears per-invocation state so the object can serve the next invocation.</summary>
    internal void Reset()
    {
        RequestId = string.Empty;
        _traceId = null;
        _clientContext = null;
        _cognitoIdentity = null;
        IsColdStart = false;
        Payload = default;
        _invocation++;
        _cancellationToken = default;
        _services = EmptyServiceProvider.Instance;
        _scopeFactory = null;
        _scope = null;
        _items?.Clear();
        Response.Reset();
    }

    private abstract class Classification(object classifier, Classification? next)
    {
        public object Classifier { get; } = classifier;

        public Classification? Next { get; } = next;

        public int Invocation { get; set; }
    }

    private sealed class Classification<TClass>(object classifier, Classification? next) : Classification(classifier, next)
    {
        public TClass Value { get; set; } = default!;
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
