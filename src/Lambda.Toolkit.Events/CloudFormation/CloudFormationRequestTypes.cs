namespace Lambda.Toolkit.Events.CloudFormation;

/// <summary>The values of <see cref="CloudFormationCustomResourceRequest.RequestType"/>.</summary>
public static class CloudFormationRequestTypes
{
    /// <summary>The stack creates the resource.</summary>
    public const string Create = "Create";

    /// <summary>The stack updates the resource: its properties changed.</summary>
    public const string Update = "Update";

    /// <summary>The stack deletes the resource (also on rollback, and after a replacement, for the old physical id).</summary>
    public const string Delete = "Delete";
}
