namespace Lambda.Toolkit;

/// <summary>
/// A function that processes one Lambda invocation. Middleware and handlers are composed into a
/// single <see cref="InvocationDelegate"/> once, at init, and that delegate is called per invocation.
/// </summary>
/// <param name="context">The invocation being processed.</param>
/// <returns>A task that completes when the invocation has been processed.</returns>
public delegate ValueTask InvocationDelegate(InvocationContext context);
