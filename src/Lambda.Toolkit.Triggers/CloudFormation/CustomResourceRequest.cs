using Lambda.Toolkit.Events.CloudFormation;

namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>A custom resource request with its properties bound to <typeparamref name="TProperties"/>.</summary>
/// <typeparam name="TProperties">The properties' type.</typeparam>
/// <remarks>
/// CloudFormation sends every scalar property as a JSON string (numbers and booleans included): give the
/// properties type string members, or read numbers with <c>JsonNumberHandling.AllowReadingFromString</c>.
/// </remarks>
public sealed class CustomResourceRequest<TProperties>
{
    internal CustomResourceRequest(CloudFormationCustomResourceRequest @event, TProperties properties, TProperties? oldProperties, IServiceProvider services)
    {
        Event = @event;
        Properties = properties;
        OldProperties = oldProperties;
        Services = services;
    }

    /// <summary>The request as CloudFormation sent it.</summary>
    public CloudFormationCustomResourceRequest Event { get; }

    /// <summary><c>Create</c>, <c>Update</c> or <c>Delete</c>.</summary>
    public string RequestType => Event.RequestType ?? string.Empty;

    /// <summary>The stack's ARN.</summary>
    public string StackId => Event.StackId ?? string.Empty;

    /// <summary>The request's id.</summary>
    public string RequestId => Event.RequestId ?? string.Empty;

    /// <summary>The resource type, for example <c>Custom::Database</c>.</summary>
    public string ResourceType => Event.ResourceType ?? string.Empty;

    /// <summary>The resource's logical id in the template.</summary>
    public string LogicalResourceId => Event.LogicalResourceId ?? string.Empty;

    /// <summary>The resource's current physical id; <see langword="null"/> on <c>Create</c>.</summary>
    public string? PhysicalResourceId => Event.PhysicalResourceId;

    /// <summary>The resource's properties from the template (<c>ResourceProperties</c>).</summary>
    public TProperties Properties { get; }

    /// <summary>The properties before the update (<c>OldResourceProperties</c>); the type's default except on <c>Update</c>.</summary>
    public TProperties? OldProperties { get; }

    /// <summary>The invocation's scoped services.</summary>
    public IServiceProvider Services { get; }
}
