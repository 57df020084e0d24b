namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>The error an API Gateway REST or WebSocket authorizer fails with to answer 401.</summary>
public static class AuthorizerErrors
{
    /// <summary>
    /// <c>Unauthorized</c>: the <c>errorMessage</c> (and <c>errorType</c>) of the error a REST or WebSocket authorizer
    /// reports to refuse a caller it does not know. API Gateway answers the caller 401 only when the message is
    /// exactly this; a deny policy gives 403, and any other error 500. A custom
    /// <see cref="LambdaRuntimeOptions.ErrorMapper"/> must keep this message.
    /// </summary>
    public const string Unauthorized = "Unauthorized";
}
