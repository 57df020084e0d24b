namespace Lambda.Toolkit.Runtime;

/// <summary>
/// Flows the current invocation with the asynchronous control flow, so concurrent loops stay apart. A loop reuses
/// its context object, so the flow keeps it across warm invocations: <see cref="Enter"/> sets the async-local value
/// (which allocates a new execution context) only when the flow holds another context, and the context's own
/// <see cref="InvocationContext.IsRunning"/> says whether an invocation is running on it.
/// </summary>
internal sealed class InvocationContextAccessor : IInvocationContextAccessor
{
    private readonly AsyncLocal<InvocationContext?> _current = new();

    public InvocationContext? InvocationContext => _current.Value is { IsRunning: true } context ? context : null;

    /// <summary>Makes <paramref name="context"/> the current flow's invocation (its runner marks it running).</summary>
    public void Enter(InvocationContext context)
    {
        if (!ReferenceEquals(_current.Value, context))
        {
            _current.Value = context;
        }
    }
}
