using Lambda.Toolkit.Runtime;

namespace Lambda.Toolkit;

/// <summary>
/// Runs invocations of an initialized <see cref="LambdaApplication"/> in-process, through exactly the path the
/// Runtime API loop uses (warm-up pings, a DI scope, the deadline token, the hard timeout, the response size
/// limit, error mapping), without sockets. Get one from <see cref="LambdaApplication.InitializeAsync"/>; test
/// hosts and local tools are built on it.
/// </summary>
public sealed class LambdaInvoker
{
    private readonly LambdaRuntimeCore _core;

    internal LambdaInvoker(LambdaRuntimeCore core) => _core = core;

    /// <summary>The function information the application read from its environment.</summary>
    public LambdaFunctionInfo Function => _core.Function;

    /// <summary>The application's clock.</summary>
    public TimeProvider TimeProvider => _core.TimeProvider;

    /// <summary>
    /// Runs one invocation. On success the response is in <paramref name="context"/>'s
    /// <see cref="InvocationContext.Response"/>; on failure the error is returned as Lambda's error endpoint
    /// would receive it. The context's services and cancellation token are replaced by the invocation's own.
    /// </summary>
    /// <param name="context">The invocation; use a new context per call.</param>
    /// <returns><see langword="null"/> on success, else the error.</returns>
    public async ValueTask<FunctionError?> InvokeAsync(InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await _core.Runner.RunAsync(context).ConfigureAwait(false);
        return outcome.Error;
    }
}
