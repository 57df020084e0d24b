namespace Lambda.Toolkit.Emulator;

/// <summary>The function the emulator pretends to host, and its limits.</summary>
public sealed class RuntimeApiEmulatorOptions
{
    /// <summary>The function name, used in the invoked ARN. Default: <c>local-function</c>.</summary>
    public string FunctionName { get; set; } = "local-function";

    /// <summary>The region used in the invoked ARN. Default: <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>The account id used in the invoked ARN. Default: <c>123456789012</c>.</summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>The function timeout; an invocation not answered by then completes as timed out. Default: 30 seconds.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest response accepted; a larger one is refused with HTTP 413 and fails the invocation. Default: <see cref="LambdaLimits.SyncPayloadBytes"/> (6,291,456 bytes).</summary>
    public int MaxResponseSize { get; set; } = LambdaLimits.SyncPayloadBytes;

    /// <summary>
    /// SnapStart: when <see langword="true"/>, <c>restore/next</c> is held (as Lambda holds it from the snapshot until
    /// an environment is resumed from it) until <see cref="RuntimeApiEmulator.Restore"/> is called, so a test can
    /// check what the function did before its snapshot. Default: <see langword="false"/>, answered at once.
    /// </summary>
    public bool HoldRestore { get; set; }

    /// <summary>
    /// The emulator's clock: invocation deadlines and the timeout clock, the times in
    /// <see cref="EmulatedInvocationResult"/> (and so REPORT durations), <see cref="RuntimeApiEmulator.FirstNextRequested"/>,
    /// and a <see cref="FunctionProcess"/>'s start and init duration. Tests pass a fake clock to time out an
    /// invocation without waiting. Default: <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The invoked function ARN of every invocation unless the invocation names another.</summary>
    public string FunctionArn => $"arn:aws:lambda:{Region}:{AccountId}:function:{FunctionName}";
}
