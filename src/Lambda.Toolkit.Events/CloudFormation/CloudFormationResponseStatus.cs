namespace Lambda.Toolkit.Events.CloudFormation;

/// <summary>The values of <see cref="CloudFormationCustomResourceResponse.Status"/>.</summary>
public static class CloudFormationResponseStatus
{
    /// <summary>The request succeeded.</summary>
    public const string Success = "SUCCESS";

    /// <summary>The request failed; the stack operation fails and rolls back.</summary>
    public const string Failed = "FAILED";
}
