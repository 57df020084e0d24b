namespace Lambda.Toolkit;

/// <summary>
/// Gives code that cannot take an <see cref="InvocationContext"/> parameter (loggers, singletons) the
/// invocation running on the current asynchronous flow. Registered as a singleton.
/// </summary>
public interface IInvocationContextAccessor
{
    /// <summary>The current invocation, or <see langword="null"/> outside one (for example during init).</summary>
    InvocationContext? InvocationContext { get; }
}
