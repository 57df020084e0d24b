namespace Lambda.Toolkit.Testing;

/// <summary>
/// Per-invocation values that override the defaults of whatever runs the invocation: <see cref="LambdaTestHost"/>
/// in-process, or the Runtime API emulator (<c>Lambda.Toolkit.Emulator</c>), which sends them as Runtime API headers.
/// </summary>
public sealed class TestInvocation
{
    /// <summary>The request id. Default: a new GUID.</summary>
    public string? RequestId { get; set; }

    /// <summary>The time the invocation has until its deadline. Default: <see cref="LambdaTestHostOptions.Timeout"/> in the test host, the emulator's configured timeout under the emulator.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The X-Ray trace header. Default: a generated root id.</summary>
    public string? TraceId { get; set; }

    /// <summary>The client context JSON, as a mobile SDK caller sends it.</summary>
    public string? ClientContext { get; set; }

    /// <summary>The Cognito identity JSON, as a mobile SDK caller sends it.</summary>
    public string? CognitoIdentity { get; set; }

    /// <summary>The invoked ARN, for example with an alias. Default: the function's unqualified ARN (the emulator's configured ARN under the emulator).</summary>
    public string? InvokedFunctionArn { get; set; }
}
