namespace Lambda.Toolkit.Emulator;

/// <summary>Per-invocation values the emulator sends in the Runtime API headers.</summary>
public sealed class EmulatedInvocation
{
    /// <summary>The request id. Default: a new GUID.</summary>
    public string? RequestId { get; set; }

    /// <summary>The invocation's timeout. Default: <see cref="RuntimeApiEmulatorOptions.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>The X-Ray trace header. Default: a generated one.</summary>
    public string? TraceId { get; set; }

    /// <summary>The client context JSON (<c>Lambda-Runtime-Client-Context</c>).</summary>
    public string? ClientContext { get; set; }

    /// <summary>The Cognito identity JSON (<c>Lambda-Runtime-Cognito-Identity</c>).</summary>
    public string? CognitoIdentity { get; set; }

    /// <summary>The invoked ARN. Default: <see cref="RuntimeApiEmulatorOptions.FunctionArn"/>.</summary>
    public string? InvokedFunctionArn { get; set; }
}
