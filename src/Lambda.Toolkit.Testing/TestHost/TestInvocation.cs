namespace Lambda.Toolkit.Testing;

/// <summary>Per-invocation values that override the host's defaults.</summary>
public sealed class TestInvocation
{
    /// <summary>The request id. Default: a new GUID.</summary>
    public string? RequestId { get; set; }

    /// <summary>The time the invocation has until its deadline. Default: <see cref="LambdaTestHostOptions.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The X-Ray trace header. Default: a generated root id.</summary>
    public string? TraceId { get; set; }

    /// <summary>The client context JSON, as a mobile SDK caller sends it.</summary>
    public string? ClientContext { get; set; }

    /// <summary>The Cognito identity JSON, as a mobile SDK caller sends it.</summary>
    public string? CognitoIdentity { get; set; }

    /// <summary>The invoked ARN, for example with an alias. Default: the function's unqualified ARN.</summary>
    public string? InvokedFunctionArn { get; set; }
}
