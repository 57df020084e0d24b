using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Lambda.Toolkit.Http;

/// <summary>
/// Endpoint overloads that receive services from the invocation's scope and JSON bodies bound through
/// source-generated metadata — generic methods, so nothing is discovered by reflection and all of it is
/// Native-AOT safe. A body that is not valid JSON of the expected shape is answered 400.
/// </summary>
public static class HttpRouteGroupExtensions
{
    /// <summary>Maps an endpoint that receives a service.</summary>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup Map<TService>(this HttpRouteGroup group, string method, string pattern, Func<HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, ct) => handler(request, request.Services.GetRequiredService<TService>(), ct));
    }

    /// <summary>Maps an endpoint that receives two services.</summary>
    /// <typeparam name="TService1">A service, resolved from the invocation's scope.</typeparam>
    /// <typeparam name="TService2">Another service.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup Map<TService1, TService2>(this HttpRouteGroup group, string method, string pattern, Func<HttpRequest, TService1, TService2, CancellationToken, ValueTask<HttpResult>> handler)
        where TService1 : notnull
        where TService2 : notnull
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, ct) => handler(request, request.Services.GetRequiredService<TService1>(), request.Services.GetRequiredService<TService2>(), ct));
    }

    /// <summary>Maps an endpoint that receives the JSON body.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapBody<TBody>(this HttpRouteGroup group, string method, string pattern, JsonTypeInfo<TBody> bodyType, Func<TBody, HttpRequest, CancellationToken, ValueTask<HttpResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(bodyType);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, ct) => handler(request.ReadJson(bodyType), request, ct));
    }

    /// <summary>Maps an endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapBody<TBody, TService>(this HttpRouteGroup group, string method, string pattern, JsonTypeInfo<TBody> bodyType, Func<TBody, HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(bodyType);
        ArgumentNullException.ThrowIfNull(handler);
        return group.Map(method, pattern, (request, ct) => handler(request.ReadJson(bodyType), request, request.Services.GetRequiredService<TService>(), ct));
    }

    /// <summary>Maps a GET endpoint that receives a service.</summary>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapGet<TService>(this HttpRouteGroup group, string pattern, Func<HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull => group.Map("GET", pattern, handler);

    /// <summary>Maps a DELETE endpoint that receives a service.</summary>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapDelete<TService>(this HttpRouteGroup group, string pattern, Func<HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull => group.Map("DELETE", pattern, handler);

    /// <summary>Maps a POST endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapPost<TBody, TService>(this HttpRouteGroup group, string pattern, JsonTypeInfo<TBody> bodyType, Func<TBody, HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull => group.MapBody("POST", pattern, bodyType, handler);

    /// <summary>Maps a PUT endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapPut<TBody, TService>(this HttpRouteGroup group, string pattern, JsonTypeInfo<TBody> bodyType, Func<TBody, HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
        where TService : notnull => group.MapBody("PUT", pattern, bodyType, handler);

    /// <summary>Maps a PATCH endpoint that receives the JSON body and a service.</summary>
    /// <typeparam name="TBody">The body's type.</typeparam>
    /// <typeparam name="TService">A service, resolved from the invocation's scope.</typeparam>
    /// <param name="group">The group.</param>
    /// <param name="pattern">The route template.</param>
    /// <param name="bodyType">Source-generated metadata for <typeparamref name="TBody"/>.</param>
    /// <param name="handler">The endpoint.</param>
    /// <returns>The group.</returns>
    public static HttpRouteGroup MapPatch<TBody, TService>(this HttpRouteGroup group, string pattern, JsonTypeInfo<TBody> bodyType, Func<TBody, HttpRequest, TService, CancellationToken, ValueTask<HttpResult>> handler)
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
}
