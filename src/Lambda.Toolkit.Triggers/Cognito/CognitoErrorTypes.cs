namespace Lambda.Toolkit.Triggers.Cognito;

/// <summary>The <c>errorType</c> values a Cognito trigger invocation can fail with, besides the toolkit's own.</summary>
public static class CognitoErrorTypes
{
    /// <summary>
    /// The handler filled a <c>response</c> the trigger does not accept (the message names the field and the rule).
    /// The function fails instead of answering, so Amazon Cognito refuses the operation with the function's error
    /// rather than acting on a response it would reject or misapply.
    /// </summary>
    public const string InvalidResponse = "Lambda.Toolkit.Triggers.CognitoInvalidResponse";
}
