using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;

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
    /// scope on every invocation (register it in <c>builder.Services</c>; if it is not registered, an
    /// instance is created per invocation with its constructor dependencies from the scope).
    /// </summary>
    /// <typeparam name="TMiddleware">The middleware class.</typeparam>
    /// <param name="app">The application.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication Use<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TMiddleware>(this LambdaApplication app)
        where TMiddleware : class, IInvocationMiddleware
    {
        ArgumentNullException.ThrowIfNull(app);
        var resolve = ServiceActivator.For<TMiddleware>(app.ServicesOrNull);
        return app.Use(next => context => resolve(context.Services).InvokeAsync(context, next));
    }
}
