using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Http;

/// <summary>
/// Maps endpoints under a shared prefix with shared middleware. <c>app.MapHttpApi()</c> returns the root
/// group; <see cref="MapGroup"/> nests groups. Endpoints are recorded here and compiled into one route table
/// at init, where a bad template or a conflict is an init problem; mapping after the function has started throws.
/// </summary>
/// <remarks>
/// Every endpoint overload, here and in <see cref="HttpRouteGroupExtensions"/>, passes its handler's parameters
/// in one order: the <see cref="HttpRequest"/>, then the JSON body (when the endpoint has one), then the
/// services, then the <see cref="CancellationToken"/> (asynchronous handlers only). A handler that answers
/// without waiting returns its <see cref="HttpResult"/> directly and takes no token.
/// </remarks>
public sealed class HttpRouteGroup
{
    private readonly HttpApi _api;
    private readonly string _prefix;
    private readonly HttpRouteGroup? _parent;
    private readonly List<HttpMiddleware> _middleware = [];

    internal HttpRouteGroup(HttpApi api, string prefix, HttpRouteGroup? parent)
    {
        _api = api;
        _prefix = prefix;
        _parent = parent;
    }

    /// <summary>The group's path prefix, including its parents'.</summary>
    public string Prefix => _prefix;

    /// <summary>Creates a nested group under <paramref name="prefix"/>.</summary>
    /// <param name="prefix">The prefix, for example <c>/orders</c>.</param>
    /// <returns>The nested group.</returns>
    public HttpRouteGroup MapGroup(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return new HttpRouteGroup(_api, Join(_prefix, prefix), this);
    }

    /// <summary>
    /// Adds middleware to this group's endpoints (also those mapped before the call). Outer groups' middleware
    /// runs first; within a group, the first added runs first.
    /// </summary>
    /// <param name="middleware">The middleware.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup Use(HttpMiddleware middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _api.ThrowIfCompiled();
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>Maps <paramref name="handler"/> for <paramref name="method"/> requests to <paramref name="pattern"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template, relative to the group: literals, <c>{name}</c>, <c>{id:int}</c>, <c>{slug?}</c>, <c>{*path}</c>.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup Map(string method, string pattern, HttpHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(method, pattern, _ => handler);
    }

    /// <summary>Maps a synchronous <paramref name="handler"/> for <paramref name="method"/> requests to <paramref name="pattern"/>.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template, relative to the group: literals, <c>{name}</c>, <c>{id:int}</c>, <c>{slug?}</c>, <c>{*path}</c>.</param>
    /// <param name="handler">
    /// The endpoint: it answers without waiting, so it returns the <see cref="HttpResult"/> itself (no
    /// <c>ValueTask.FromResult</c>) and takes no cancellation token; <see cref="HttpRequest.CancellationToken"/> is there if it needs one.
    /// </param>
    /// <returns>This group.</returns>
    public HttpRouteGroup Map(string method, string pattern, Func<HttpRequest, HttpResult> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map(method, pattern, (request, _) => new ValueTask<HttpResult>(handler(request)));
    }

    /// <summary>Maps an endpoint built at init (a bad template is reported then, with every other init problem).</summary>
    internal HttpRouteGroup Map(string method, string pattern, Func<PipelineBuildContext, HttpHandler> build)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(pattern);
        _api.Add(method.ToUpperInvariant(), Join(_prefix, pattern), build, this);
        return this;
    }

    /// <summary>Maps a GET endpoint (HEAD requests are answered by it too).</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapGet(string pattern, HttpHandler handler) => Map("GET", pattern, handler);

    /// <summary>Maps a synchronous GET endpoint (HEAD requests are answered by it too).</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint, returning its result directly.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapGet(string pattern, Func<HttpRequest, HttpResult> handler) => Map("GET", pattern, handler);

    /// <summary>Maps a POST endpoint.</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapPost(string pattern, HttpHandler handler) => Map("POST", pattern, handler);

    /// <summary>Maps a synchronous POST endpoint.</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint, returning its result directly.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapPost(string pattern, Func<HttpRequest, HttpResult> handler) => Map("POST", pattern, handler);

    /// <summary>Maps a PUT endpoint.</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapPut(string pattern, HttpHandler handler) => Map("PUT", pattern, handler);

    /// <summary>Maps a synchronous PUT endpoint.</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint, returning its result directly.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapPut(string pattern, Func<HttpRequest, HttpResult> handler) => Map("PUT", pattern, handler);

    /// <summary>Maps a PATCH endpoint.</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapPatch(string pattern, HttpHandler handler) => Map("PATCH", pattern, handler);

    /// <summary>Maps a synchronous PATCH endpoint.</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint, returning its result directly.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapPatch(string pattern, Func<HttpRequest, HttpResult> handler) => Map("PATCH", pattern, handler);

    /// <summary>Maps a DELETE endpoint.</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapDelete(string pattern, HttpHandler handler) => Map("DELETE", pattern, handler);

    /// <summary>Maps a synchronous DELETE endpoint.</summary>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint, returning its result directly.</param>
    /// <returns>This group.</returns>
    public HttpRouteGroup MapDelete(string pattern, Func<HttpRequest, HttpResult> handler) => Map("DELETE", pattern, handler);

    /// <summary>Wraps <paramref name="endpoint"/> in this group's middleware and its parents', outermost first.</summary>
    internal HttpHandler Compose(HttpHandler endpoint)
    {
        var handler = endpoint;
        for (var group = this; group is not null; group = group._parent)
        {
            for (var i = group._middleware.Count - 1; i >= 0; i--)
            {
                var middleware = group._middleware[i];
                var next = handler;
                handler = (request, ct) => middleware(request, next, ct);
            }
        }

        return handler;
    }

    private static string Join(string prefix, string pattern)
    {
        var joined = "/" + prefix.Trim('/') + "/" + pattern.Trim('/');
        while (joined.Contains("//", StringComparison.Ordinal))
        {
            joined = joined.Replace("//", "/", StringComparison.Ordinal);
        }

        return joined.Length > 1 ? joined.TrimEnd('/') : joined;
    }
}
