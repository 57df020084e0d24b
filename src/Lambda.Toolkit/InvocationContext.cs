using System.Diagnostics.CodeAnalysis;

namespace Lambda.Toolkit;

/// <summary>
/// Everything about one invocation: the ids and deadline Lambda sent, the raw event, the scoped
/// services, the cancellation token that fires before the deadline, and the response being built.
/// </summary>
/// <remarks>
/// A context object is reused by the next invocation on the same loop once this one has finished,
/// so do not keep a reference to it (or to <see cref="Payload"/>) after the pipeline returns.
/// </remarks>
[SuppressMessage("Design", "CA1001", Justification = "The reused deadline token source lives as long as its loop; its timer is stopped by TryReset or fires by the deadline, after which it holds nothing. Disposing the context is never the user's job.")]
public sealed class InvocationContext
{
    private Dictionary<object, object?>? _items;
    private IServiceProvider _services = EmptyServiceProvider.Instance;
    private CancellationTokenSource? _cancellation;

    internal InvocationContext(LambdaFunctionInfo function, TimeProvider timeProvider)
    {
        Function = function;
        TimeProvider = timeProvider;
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
    public string InvokedFunctionArn { get; private set; } = string.Empty;

    /// <summary>The X-Ray trace header (<c>Lambda-Runtime-Trace-Id</c>), or <see langword="null"/>.</summary>
    public string? TraceId { get; private set; }

    /// <summary>The client context JSON sent by a mobile SDK caller (<c>Lambda-Runtime-Client-Context</c>), or <see langword="null"/>.</summary>
    public string? ClientContext { get; private set; }

    /// <summary>The Amazon Cognito identity JSON of a mobile SDK caller (<c>Lambda-Runtime-Cognito-Identity</c>), or <see langword="null"/>.</summary>
    public string? CognitoIdentity { get; private set; }

    /// <summary>The function's name, version, memory and log destination.</summary>
    public LambdaFunctionInfo Function { get; }

    /// <summary>The raw event, UTF-8 JSON as Lambda sent it. Valid only while the invocation runs.</summary>
    public ReadOnlyMemory<byte> Payload { get; private set; }

    /// <summary>The services of this invocation's scope; disposed when the invocation ends.</summary>
    public IServiceProvider Services => _services;

    /// <summary>Fires a safety margin before <see cref="Deadline"/> (see <see cref="LambdaRuntimeOptions.CancellationMargin"/>).</summary>
    public CancellationToken CancellationToken { get; private set; }

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

    /// <summary>The clock used for <see cref="RemainingTime"/>.</summary>
    internal TimeProvider TimeProvider { get; }

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
        InvokedFunctionArn = invokedFunctionArn;
        TraceId = traceId;
        ClientContext = clientContext;
        CognitoIdentity = cognitoIdentity;
        Payload = payload;
    }

    /// <summary>
    /// The deadline token's source, kept with the context so a warm loop reuses it (and its timer) instead
    /// of allocating one per invocation. It cannot be reused once it has fired.
    /// </summary>
    internal CancellationTokenSource RentCancellation(TimeSpan cancelAfter)
    {
        var cancellation = _cancellation;
        if (cancellation is null || !cancellation.TryReset())
        {
            cancellation?.Dispose();
            cancellation = _cancellation = new CancellationTokenSource(Timeout.InfiniteTimeSpan, TimeProvider);
        }

        cancellation.CancelAfter(cancelAfter);
        return cancellation;
    }

    internal void Attach(IServiceProvider services, CancellationToken cancellationToken)
    {
        _services = services;
        CancellationToken = cancellationToken;
    }

    /// <summary>Clears per-invocation state so the object can serve the next invocation.</summary>
    internal void Reset()
    {
        RequestId = string.Empty;
        TraceId = null;
        ClientContext = null;
        CognitoIdentity = null;
        Payload = default;
        CancellationToken = default;
        _services = EmptyServiceProvider.Instance;
        _items?.Clear();
        Response.Reset();
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public static readonly EmptyServiceProvider Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
