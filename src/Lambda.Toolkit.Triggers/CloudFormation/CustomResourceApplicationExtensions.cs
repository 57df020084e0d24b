using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudFormation;

namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>
/// Maps CloudFormation custom resources. CloudFormation invokes the function asynchronously with a
/// <see cref="CloudFormationCustomResourceRequest"/> and waits for one <see cref="CloudFormationCustomResourceResponse"/>
/// uploaded to the request's <c>ResponseURL</c>; the adapter sends it, whatever the handler does.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description>A result is answered <c>SUCCESS</c>; an exception <c>FAILED</c> with its type and message as the reason.</description></item>
/// <item><description>
/// A handler still running <see cref="CustomResourceOptions.ResponseReserve"/> before the deadline is answered
/// <c>FAILED</c> then; its later result is ignored, so the stack never waits for CloudFormation's own timeout and
/// never gets two answers.
/// </description></item>
/// <item><description>
/// Physical ids: on <c>Create</c> the handler's, else <see cref="CustomResourceDefaults.PhysicalResourceId"/>; on
/// <c>Update</c> the request's unless the handler returns another (a replacement: CloudFormation then sends a
/// <c>Delete</c> for the old id); on <c>Delete</c> always the request's. A <c>Create</c> that fails is answered with
/// <see cref="CustomResourceDefaults.FailedCreatePhysicalResourceId"/>, and the <c>Delete</c> CloudFormation sends for
/// it on rollback is answered <c>SUCCESS</c> without calling the handler.
/// </description></item>
/// <item><description>A response over 4,096 bytes (usually too much <c>Data</c>) is answered <c>FAILED</c> with its size, never truncated.</description></item>
/// <item><description>
/// The upload is retried (connection failures, non-2xx) with backoff within the deadline; if it never succeeds the
/// invocation fails with <see cref="CustomResourceErrorTypes.ResponseNotDelivered"/>. Register an <see cref="HttpClient"/>
/// under <see cref="CustomResourceDefaults.HttpClientServiceKey"/> to use your own client.
/// </description></item>
/// <item><description>
/// An unknown <c>RequestType</c> or properties that do not bind are answered <c>FAILED</c>, then fail the invocation
/// as an invalid event. A handler failure answered <c>FAILED</c> leaves the invocation successful (it is logged), so
/// Lambda does not run the handler again for a request that has been answered.
/// </description></item>
/// <item><description>A priming invocation (<c>app.Prime(...)</c>) runs the handler but uploads nothing.</description></item>
/// </list>
/// </remarks>
public static class CustomResourceApplicationExtensions
{
    /// <summary>Maps a custom resource handled by <typeparamref name="THandler"/>, resolved from each invocation's scope.</summary>
    /// <typeparam name="TProperties">The resource's properties.</typeparam>
    /// <typeparam name="THandler">The handler; register it in the services.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="properties">Source-generated metadata for <typeparamref name="TProperties"/>.</param>
    /// <param name="configure">The response reserve and upload retries.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapCustomResource<TProperties, THandler>(
        this LambdaApplication app, JsonTypeInfo<TProperties> properties, Action<CustomResourceOptions>? configure = null)
        where THandler : class, ICustomResourceHandler<TProperties>
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.MapAdapter(new CustomResourceAdapter<TProperties>(
            properties,
            static context =>
            {
                var factory = context.GetScopedServiceFactory<THandler>();
                return (request, ct) =>
                {
                    var handler = factory(request.Services);
                    return request.RequestType switch
                    {
                        CloudFormationRequestTypes.Create => handler.CreateAsync(request, ct),
                        CloudFormationRequestTypes.Update => handler.UpdateAsync(request, ct),
                        _ => handler.DeleteAsync(request, ct),
                    };
                };
            },
            configure));
    }

    /// <summary>Maps a custom resource handled by one delegate per request type.</summary>
    /// <typeparam name="TProperties">The resource's properties.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="properties">Source-generated metadata for <typeparamref name="TProperties"/>.</param>
    /// <param name="create">Creates the resource.</param>
    /// <param name="update">Updates the resource; the request's <see cref="CustomResourceRequest{TProperties}.OldProperties"/> holds the previous properties.</param>
    /// <param name="delete">Deletes the resource.</param>
    /// <param name="configure">The response reserve and upload retries.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapCustomResource<TProperties>(
        this LambdaApplication app,
        JsonTypeInfo<TProperties> properties,
        Func<CustomResourceRequest<TProperties>, CancellationToken, ValueTask<CustomResourceResult>> create,
        Func<CustomResourceRequest<TProperties>, CancellationToken, ValueTask<CustomResourceResult>> update,
        Func<CustomResourceRequest<TProperties>, CancellationToken, ValueTask<CustomResourceResult>> delete,
        Action<CustomResourceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(update);
        ArgumentNullException.ThrowIfNull(delete);
        return app.MapAdapter(new CustomResourceAdapter<TProperties>(
            properties,
            _ => (request, ct) => request.RequestType switch
            {
                CloudFormationRequestTypes.Create => create(request, ct),
                CloudFormationRequestTypes.Update => update(request, ct),
                _ => delete(request, ct),
            },
            configure));
    }

    /// <summary>Maps a custom resource whose properties are read as raw JSON (<c>ResourceProperties</c> as sent, <c>ServiceToken</c> included).</summary>
    /// <param name="app">The application.</param>
    /// <param name="create">Creates the resource.</param>
    /// <param name="update">Updates the resource.</param>
    /// <param name="delete">Deletes the resource.</param>
    /// <param name="configure">The response reserve and upload retries.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapCustomResource(
        this LambdaApplication app,
        Func<CustomResourceRequest<JsonElement>, CancellationToken, ValueTask<CustomResourceResult>> create,
        Func<CustomResourceRequest<JsonElement>, CancellationToken, ValueTask<CustomResourceResult>> update,
        Func<CustomResourceRequest<JsonElement>, CancellationToken, ValueTask<CustomResourceResult>> delete,
        Action<CustomResourceOptions>? configure = null) =>
        app.MapCustomResource(CloudFormationJsonContext.Default.JsonElement, create, update, delete, configure);
}
