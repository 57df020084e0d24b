namespace Lambda.Toolkit;

/// <summary>
/// Middleware as a class. Register it in the container (any lifetime) and add it with
/// <see cref="InvocationMiddlewareExtensions.Use{TMiddleware}(LambdaApplication)"/>; it is resolved
/// from the invocation's scope on every invocation, so scoped dependencies are safe to inject.
/// </summary>
public interface IInvocationMiddleware
{
    /// <summary>Processes an invocation and, unless it short-circuits, calls <paramref name="next"/>.</summary>
    /// <param name="context">The invocation being processed.</param>
    /// <param name="next">The rest of the pipeline.</param>
    /// <returns>A task that completes when this middleware and everything after it have finished.</returns>
    ValueTask InvokeAsync(InvocationContext context, InvocationDelegate next);
}
