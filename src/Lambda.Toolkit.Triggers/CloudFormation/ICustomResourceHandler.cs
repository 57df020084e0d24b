namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>
/// Handles a CloudFormation custom resource: one method per request type. Resolved from the invocation's scope,
/// so register it (<c>builder.Services.AddScoped&lt;MyResource&gt;()</c>). Return a <see cref="CustomResourceResult"/>
/// to answer <c>SUCCESS</c>; throw to answer <c>FAILED</c> with the exception's message as the reason.
/// </summary>
/// <typeparam name="TProperties">The resource's properties, bound from <c>ResourceProperties</c>.</typeparam>
/// <remarks>
/// Every method is given a token that fires <see cref="CustomResourceOptions.ResponseReserve"/> before the
/// deadline; when it fires, <c>FAILED</c> has already been decided and is being sent, and whatever the method returns
/// afterwards is ignored. Make each method idempotent: Lambda retries a failed asynchronous invocation.
/// </remarks>
public interface ICustomResourceHandler<TProperties>
{
    /// <summary>Creates the resource. Return its physical id (or none, for a default derived from the request).</summary>
    /// <param name="request">The request, with its properties.</param>
    /// <param name="cancellationToken">Fires before the deadline.</param>
    /// <returns>The physical id, the attributes for <c>Fn::GetAtt</c> and whether to hide them.</returns>
    ValueTask<CustomResourceResult> CreateAsync(CustomResourceRequest<TProperties> request, CancellationToken cancellationToken);

    /// <summary>
    /// Updates the resource (<see cref="CustomResourceRequest{TProperties}.OldProperties"/> holds the previous ones).
    /// Returning a physical id other than the request's replaces the resource: CloudFormation later sends a
    /// <c>Delete</c> for the old id.
    /// </summary>
    /// <param name="request">The request, with the new and old properties.</param>
    /// <param name="cancellationToken">Fires before the deadline.</param>
    /// <returns>The result; its physical id defaults to the request's.</returns>
    ValueTask<CustomResourceResult> UpdateAsync(CustomResourceRequest<TProperties> request, CancellationToken cancellationToken);

    /// <summary>Deletes the resource named by <see cref="CustomResourceRequest{TProperties}.PhysicalResourceId"/>. A resource that is already gone is a success.</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Fires before the deadline.</param>
    /// <returns>The result; the response always echoes the request's physical id.</returns>
    ValueTask<CustomResourceResult> DeleteAsync(CustomResourceRequest<TProperties> request, CancellationToken cancellationToken);
}
