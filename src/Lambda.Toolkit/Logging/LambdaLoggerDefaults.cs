namespace Lambda.Toolkit.Logging;

/// <summary>The defaults of <see cref="LambdaLoggerOptions"/>.</summary>
public static class LambdaLoggerDefaults
{
    /// <summary>The default <see cref="LambdaLoggerOptions.DebugSampleRate"/>: 0, no invocation is sampled.</summary>
    public const double DebugSampleRate = 0;

    /// <summary>The default <see cref="LambdaLoggerOptions.BufferDebugLogs"/>: off.</summary>
    public const bool BufferDebugLogs = false;

    /// <summary>The default <see cref="LambdaLoggerOptions.DebugBufferMaxLines"/>: 200 lines per invocation.</summary>
    public const int DebugBufferMaxLines = 200;

    /// <summary>The default <see cref="LambdaLoggerOptions.DebugBufferMaxBytes"/>: 64 KiB per invocation.</summary>
    public const int DebugBufferMaxBytes = 64 * 1024;
}
