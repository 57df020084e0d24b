namespace Lambda.Toolkit.Adapters;

/// <summary>
/// Middleware that a package adds through its service registration (for example <c>builder.Services.AddLambdaMetrics()</c>),
/// in the spirit of ASP.NET Core's <c>IStartupFilter</c>: register an implementation as a singleton
/// <see cref="IPipelineFilter"/> and the application builds it at init, with its adapters and middleware, and wraps it
/// around the whole pipeline, outside every middleware added with <c>app.Use</c>. So a feature that must see every
/// invocation from start to end (a per-invocation metrics flush) cannot be forgotten or put in the wrong place.
/// </summary>
/// <remarks>Filters are applied in registration order: the first registered is the outermost.</remarks>
public interface IPipelineFilter
{
    /// <summary>The filter's name, prefixed to its init problems.</summary>
    string Name { get; }

    /// <summary>
    /// Builds the middleware once, at init, with the root services. Report configuration problems through
    /// <paramref name="context"/> instead of throwing; they join every other init problem.
    /// </summary>
    /// <param name="context">The build context.</param>
    /// <returns>The middleware, or <see langword="null"/> to add nothing (the feature is switched off, or has problems).</returns>
    Func<InvocationDelegate, InvocationDelegate>? Build(PipelineBuildContext context);
}
