namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>What differs between authorizer sources: which events they take, what input is bad, how a result is written and how the source is refused.</summary>
/// <typeparam name="TRequest">The source's request.</typeparam>
/// <typeparam name="TResult">What the user's handler returns.</typeparam>
internal abstract class AuthorizerContract<TRequest, TResult>
    where TResult : class
{
    /// <summary>Whether the adapter takes an event of this kind.</summary>
    public abstract bool Accepts(AuthorizerEventKind kind);

    /// <summary>Throws an <see cref="InvalidEventException"/> naming what was received when the request cannot be authorized at all.</summary>
    public abstract void Validate(TRequest request);

    /// <summary>Why the handler's answer cannot be sent (the source would refuse it), or <see langword="null"/> when it can.</summary>
    public virtual string? Check(TRequest request, TResult result) => null;

    /// <summary>Writes the handler's answer (or, when the answer cannot be sent as it is, the denial).</summary>
    public abstract void Answer(InvocationContext invocation, TRequest request, TResult result);

    /// <summary>Answers with the source's denial: writes it, or throws the error that is the denial.</summary>
    public abstract void Deny(InvocationContext invocation, TRequest request);
}
