using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Http;

/// <summary>
/// Endpoint overloads that receive services from the invocation's scope and JSON bodies bound through
/// source-generated metadata — generic methods, so nothing is discovered by reflection and all of it is
/// Native-AOT safe.
/// </summary>
/// <remarks>
/// <para>
/// Handler parameters always come in the same order: the <see cref="HttpRequest"/>, then the body
/// (<c>TBody</c>, when there is one), then the services in the order of the type arguments, then the
/// <see cref="CancellationToken"/>. Each asynchronous overload (returning <see cref="ValueTask{TResult}"/>) has a
/// synchronous twin that returns the <see cref="HttpResult"/> directly and takes no token.
/// </para>
/// <para>
/// A body endpoint answers 415 (problem+json) when the request's <c>Content-Type</c> is present and is not JSON
/// (<c>application/json</c> or <c>application/*+json</c>), and 400 when the body is missing, not JSON or not of the
/// expected shape. A request without a <c>Content-Type</c> is read as JSON: test events and many clients omit it.
/// </para>
/// </remarks>
public static class HttpRouteGroupExtensions
{
    /// <summary>Maps an endpoint that receives a service.</summary>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint: request, service, cancellation token.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup Map<TService>(this HttpRouteGroup group, string method, string pattern, Func<HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, ct) => handler(request, request.Services.GetRequiredService<TService>(), ct));
    }

    /// <summary>Maps a synchronous endpoint that receives a service.</summary>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint: request, service; it returns its result directly.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup Map<TService>(this HttpRouteGroup group, string method, string pattern, Func<HttpRequest, TService, HttpResult> handler)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, _) => new ValueTask<HttpResult>(handler(request, request.Services.GetRequiredService<TService>())));
    }

    /// <summary>Maps an endpoint that receives two services.</summary>
    /// <typeparam name="TService1">A service, resolved from the invocation's scope.</typeparam>
    /// <typeparam name="TService2">Another service.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint: request, services, cancellation token.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup Map<TService1, TService2>(this HttpRouteGroup group, string method, string pattern, Func<HttpRequest, TService1, TService2, CancellationToken, ValueTask<HttpResult>> handler)
        where TService1 : notnull
        where TService2 : notnull
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, ct) => handler(request, request.Services.GetRequiredService<TService1>(), request.Services.GetRequiredService<TService2>(), ct));
    }

    /// <summary>Maps a synchronous endpoint that receives two services.</summary>
    /// <typeparam name="TService1">A service, resolved from the invocation's scope.</typeparam>
    /// <typeparam name="TService2">Another service.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint: request, services; it returns its result directly.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup Map<TService1, TService2>(this HttpRouteGroup group, string method, string pattern, Func<HttpRequest, TService1, TService2, HttpResult> handler)
        where TService1 : notnull
        where TService2 : notnull
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, _) => new ValueTask<HttpResult>(handler(request, request.Services.GetRequiredService<TService1>(), request.Services.GetRequiredService<TService2>())));
    }

    /// <summary>Maps an endpoint that receives the JSON body.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body, cancellation token.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapBody<TBody>(this HttpRouteGroup group, string method, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, CancellationToken, ValueTask<HttpResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(bodyType);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, ct) => request.HasJsonContentType()
            ? handler(request, request.ReadJson(bodyType), ct)
            : new ValueTask<HttpResult>(UnsupportedMediaType(request)));
    }

    /// <summary>Maps a synchronous endpoint that receives the JSON body.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body; it returns its result directly.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapBody<TBody>(this HttpRouteGroup group, string method, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, HttpResult> handler)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(bodyType);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, _) => new ValueTask<HttpResult>(request.HasJsonContentType()
            ? handler(request, request.ReadJson(bodyType))
            : UnsupportedMediaType(request)));
    }

    /// <summary>Maps an endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body, service, cancellation token.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapBody<TBody, TService>(this HttpRouteGroup group, string method, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(bodyType);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, ct) => request.HasJsonContentType()
            ? handler(request, request.ReadJson(bodyType), request.Services.GetRequiredService<TService>(), ct)
            : new ValueTask<HttpResult>(UnsupportedMediaType(request)));
    }

    /// <summary>Maps a synchronous endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body, service; it returns its result directly.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapBody<TBody, TService>(this HttpRouteGroup group, string method, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, TService, HttpResult> handler)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(bodyType);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, _) => new ValueTask<HttpResult>(request.HasJsonContentType()
            ? handler(request, request.ReadJson(bodyType), request.Services.GetRequiredService<TService>())
            : UnsupportedMediaType(request)));
    }

    /// <summary>Maps a GET endpoint that receives a service.</summary>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint: request, service, cancellation token.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapGet<TService>(this HttpRouteGroup group, string pattern, Func<HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull => group.Map("GET", pattern, handler);

    /// <summary>Maps a synchronous GET endpoint that receives a service.</summary>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint: request, service; it returns its result directly.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapGet<TService>(this HttpRouteGroup group, string pattern, Func<HttpRequest, TService, HttpResult> handler)
        where TService : notnull => group.Map("GET", pattern, handler);

    /// <summary>Maps a DELETE endpoint that receives a service.</summary>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint: request, service, cancellation token.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapDelete<TService>(this HttpRouteGroup group, string pattern, Func<HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull => group.Map("DELETE", pattern, handler);

    /// <summary>Maps a synchronous DELETE endpoint that receives a service.</summary>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint: request, service; it returns its result directly.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapDelete<TService>(this HttpRouteGroup group, string pattern, Func<HttpRequest, TService, HttpResult> handler)
        where TService : notnull => group.Map("DELETE", pattern, handler);

    /// <summary>Maps a POST endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body, service, cancellation token.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapPost<TBody, TService>(this HttpRouteGroup group, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull => group.MapBody("POST", pattern, bodyType, handler);

    /// <summary>Maps a synchronous POST endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body, service; it returns its result directly.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapPost<TBody, TService>(this HttpRouteGroup group, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, TService, HttpResult> handler)
        where TService : notnull => group.MapBody("POST", pattern, bodyType, handler);

    /// <summary>Maps a PUT endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body, service, cancellation token.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapPut<TBody, TService>(this HttpRouteGroup group, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull => group.MapBody("PUT", pattern, bodyType, handler);

    /// <summary>Maps a synchronous PUT endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body, service; it returns its result directly.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapPut<TBody, TService>(this HttpRouteGroup group, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, TService, HttpResult> handler)
        where TService : notnull => group.MapBody("PUT", pattern, bodyType, handler);

    /// <summary>Maps a PATCH endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body, service, cancellation token.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapPatch<TBody, TService>(this HttpRouteGroup group, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull => group.MapBody("PATCH", pattern, bodyType, handler);

    /// <summary>Maps a synchronous PATCH endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint: request, body, service; it returns its result directly.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapPatch<TBody, TService>(this HttpRouteGroup group, string pattern, JsonTypeInfo<TBody> bodyType, Func<HttpRequest, TBody, TService, HttpResult> handler)
        where TService : notnull => group.MapBody("PATCH", pattern, bodyType, handler);

    /// <summary>
    /// Maps a class endpoint, resolved from the invocation's scope. Register it with
    /// <c>builder.Services.AddScoped&lt;TEndpoint&gt;()</c>: an unregistered endpoint fails init with a message naming that registration.
    /// </summary>
    /// <typeparam name="TEndpoint">The endpoint class.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapEndpoint<TEndpoint>(this HttpRouteGroup group, string method, string pattern)
        where TEndpoint : class, IHttpEndpoint
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.Map(method, pattern, static build =>
        {
            var resolve = build.GetScopedServiceFactory<TEndpoint>();
            return (request, ct) => resolve(request.Services).HandleAsync(request, ct);
        });
    }

    /// <summary>415, as ASP.NET Core answers a JSON body endpoint sent another media type.</summary>
    private static HttpResult UnsupportedMediaType(HttpRequest request) =>
        HttpResult.Problem(415, "Unsupported Media Type", $"The request body is {request.MediaType}; this endpoint reads application/json.");
}
