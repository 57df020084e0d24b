namespace Lambda.Toolkit.Runtime;

/// <summary>Flows the current invocation with the asynchronous control flow, so concurrent loops stay apart.</summary>
internal sealed class InvocationContextAccessor : IInvocationContextAccessor
{
    private readonly AsyncLocal<InvocationContext?> _current = new();

    public InvocationContext? InvocationContext
    {
        get => _current.Value;
        set => _current.Value = value;
    }
}
