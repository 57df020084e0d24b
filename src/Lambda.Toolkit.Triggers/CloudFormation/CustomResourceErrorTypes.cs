namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>The <c>errorType</c> values a custom resource invocation can fail with, besides the toolkit's own.</summary>
public static class CustomResourceErrorTypes
{
    /// <summary>
    /// The response (<c>SUCCESS</c> or <c>FAILED</c>) could not be uploaded to the request's <c>ResponseURL</c> after
    /// every attempt: CloudFormation has no answer and waits until its own timeout, unless Lambda's retry of the
    /// invocation gets through.
    /// </summary>
    public const string ResponseNotDelivered = "Lambda.Toolkit.Triggers.CustomResourceResponseNotDelivered";
}
