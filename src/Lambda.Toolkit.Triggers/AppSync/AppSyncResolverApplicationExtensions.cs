namespace Lambda.Toolkit.Triggers.AppSync;

/// <summary>
/// Maps AWS AppSync direct Lambda resolvers: fields routed by parent type and field name, arguments bound and values
/// written with source-generated JSON.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>
/// <c>Invoke</c> (one event object): the response is the field's value. A handler exception fails the invocation;
/// AppSync turns that into the field's GraphQL error, with the exception's message as <c>errorMessage</c> and its
/// <see cref="LambdaFunctionException.ErrorType"/> (or its type's name) as <c>errorType</c>: throw
/// <c>new LambdaFunctionException("NotFound", "No post 7.")</c> to choose the type.
/// </description></item>
/// <item><description>
/// <c>BatchInvoke</c> (a JSON array of events): the response is an array of the same length and order. Items are
/// resolved one after another in the invocation's scope; an item whose handler throws, or whose arguments do not bind,
/// fails alone and is reported as <see cref="AppSyncResolverOptions.BatchErrors"/> says (<c>null</c> by default, or
/// <c>{"data","errorMessage","errorType"}</c> objects), and is logged.
/// </description></item>
/// <item><description>
/// A field that is not mapped fails the invocation (the whole batch) with an invalid-event error that names it and
/// the mapped fields; so does an event without <c>info.parentTypeName</c> or <c>info.fieldName</c>.
/// </description></item>
/// </list>
/// </remarks>
/// <example>
/// <code>
/// var resolvers = app.MapAppSyncResolver();
/// resolvers.Map("Query", "getPost", MyJson.Default.GetPostArgs, MyJson.Default.Post,
///     (ctx, ct) => posts.GetAsync(ctx.Arguments.Id, ct));
/// </code>
/// </example>
public static class AppSyncResolverApplicationExtensions
{
    /// <summary>Maps direct Lambda resolvers; map each field on the returned builder.</summary>
    /// <param name="app">The application.</param>
    /// <param name="configure">How batch responses report failed items.</param>
    /// <returns>The builder to map fields on.</returns>
    public static AppSyncResolverBuilder MapAppSyncResolver(this LambdaApplication app, Action<AppSyncResolverOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var resolvers = new AppSyncResolverBuilder();
        app.MapAdapter(new AppSyncResolverAdapter(resolvers, configure));
        return resolvers;
    }
}
