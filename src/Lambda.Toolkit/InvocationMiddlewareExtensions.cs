namespace Lambda.Toolkit;

/// <summary>The convenient ways to add middleware to a <see cref="LambdaApplication"/>.</summary>
public static class InvocationMiddlewareExtensions
{
    /// <summary>
    /// Adds inline middleware. <paramref name="middleware"/> receives the context and the rest of the
    /// pipeline; no closure is allocated per invocation.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="middleware">Runs before and after <c>next</c>, or instead of it.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication Use(this LambdaApplication app, Func<InvocationContext, InvocationDelegate, ValueTask> middleware)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(middleware);
        return app.Use(next => context => middleware(context, next));
    }

    /// <summary>
    /// Adds middleware implemented by <typeparamref name="TMiddleware"/>, resolved from the invocation's
    /// scope on every invocation. Register it in <c>builder.Services</c> (any lifetime): an unregistered
    /// middleware fails init with a message naming the registration to add.
    /// </summary>
    /// <typeparam name="TMiddleware">The middleware class.</typeparam>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication Use<TMiddleware>(this LambdaApplication app)
        where TMiddleware : class, IInvocationMiddleware
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.Use(typeof(TMiddleware).Name, static build =>
        {
            var resolve = build.GetScopedServiceFactory<TMiddleware>();
            return next => context => resolve(context.Services).InvokeAsync(context, next);
        });
    }
}
