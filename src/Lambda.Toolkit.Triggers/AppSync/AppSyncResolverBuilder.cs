using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events.AppSync;

namespace Lambda.Toolkit.Triggers.AppSync;

/// <summary>
/// The fields one function resolves, each a parent type and field name (<c>Query.getPost</c>, <c>Post.author</c>)
/// with its handler. Returned by <see cref="AppSyncResolverApplicationExtensions.MapAppSyncResolver"/>; map every
/// field before the application runs.
/// </summary>
public sealed class AppSyncResolverBuilder
{
    private readonly Dictionary<(string Type, string Field), AppSyncRoute> _routes = [];
    private readonly List<string> _problems = [];

    internal AppSyncResolverBuilder()
    {
    }

    internal IReadOnlyDictionary<(string Type, string Field), AppSyncRoute> Routes => _routes;

    internal IReadOnlyList<string> Problems => _problems;

    /// <summary>Maps a field to a handler.</summary>
    /// <typeparam name="TArguments">The field's arguments (use <see cref="JsonElement"/> to read them raw).</typeparam>
    /// <typeparam name="TResult">The field's value.</typeparam>
    /// <param name="parentTypeName">The type the field belongs to: <c>Query</c>, <c>Mutation</c>, <c>Subscription</c> or an object type.</param>
    /// <param name="fieldName">The field's name.</param>
    /// <param name="arguments">Source-generated metadata for <typeparamref name="TArguments"/>.</param>
    /// <param name="result">Source-generated metadata for <typeparamref name="TResult"/>.</param>
    /// <param name="handler">Resolves the field. Its exception fails the field: in a single invocation it is the GraphQL error (its
    /// <see cref="LambdaFunctionException.ErrorType"/>, or its type's name, is the <c>errorType</c>); in a batch only its item fails.</param>
    /// <returns>This builder.</returns>
    public AppSyncResolverBuilder Map<TArguments, TResult>(
        string parentTypeName,
        string fieldName,
        JsonTypeInfo<TArguments> arguments,
        JsonTypeInfo<TResult> result,
        Func<AppSyncResolverContext<TArguments>, CancellationToken, ValueTask<TResult>> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(parentTypeName);
        ArgumentException.ThrowIfNullOrEmpty(fieldName);
        ArgumentNullException.ThrowIfNull(handler);
        if (arguments is null || result is null)
        {
            _problems.Add($"AppSync resolver {parentTypeName}.{fieldName}: the {(arguments is null ? "arguments'" : "result's")} JsonTypeInfo is null: pass source-generated metadata, for example MyJsonContext.Default.MyType.");
            return this;
        }

        if (!_routes.TryAdd((parentTypeName, fieldName), new AppSyncRoute<TArguments, TResult>(arguments, result, handler)))
        {
            _problems.Add($"AppSync resolver {parentTypeName}.{fieldName} is mapped twice.");
        }

        return this;
    }

    internal string Mapped() => _routes.Count == 0
        ? "none"
        : string.Join(", ", _routes.Keys.Select(static k => $"{k.Type}.{k.Field}").Order(StringComparer.Ordinal));
}

/// <summary>One mapped field: binds the arguments, runs the handler, serializes the value.</summary>
internal abstract class AppSyncRoute
{
    public abstract ValueTask<byte[]> ResolveAsync(AppSyncResolverEvent resolverEvent, int? batchIndex, IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class AppSyncRoute<TArguments, TResult>(
    JsonTypeInfo<TArguments> arguments,
    JsonTypeInfo<TResult> result,
    Func<AppSyncResolverContext<TArguments>, CancellationToken, ValueTask<TResult>> handler) : AppSyncRoute
{
    public override async ValueTask<byte[]> ResolveAsync(AppSyncResolverEvent resolverEvent, int? batchIndex, IServiceProvider services, CancellationToken cancellationToken)
    {
        var bound = AppSyncBinding.Bind(resolverEvent.Arguments, arguments, batchIndex, "arguments");
        var value = await handler(new AppSyncResolverContext<TArguments>(resolverEvent, bound, batchIndex, services), cancellationToken).ConfigureAwait(false);
        return JsonSerializer.SerializeToUtf8Bytes(value, result);
    }
}
