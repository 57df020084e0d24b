namespace Lambda.Toolkit.Emulator;

/// <summary>
/// Lambda's limits, in one place, each with where it comes from; the emulator and the <c>lambda-toolkit</c> tool
/// enforce them from here. Sources: the Lambda developer guide's "Lambda quotas" page (function configuration,
/// deployment and execution) and its "Invoke" API reference, as of 2025.
/// </summary>
public static class LambdaLimits
{
    /// <summary>
    /// The largest request and response of a synchronous (<c>RequestResponse</c>) invocation: 6 MB (6,291,456 bytes).
    /// Source: Lambda quotas, "Invocation payload (request and response)".
    /// </summary>
    public const int SyncPayloadBytes = 6 * 1024 * 1024;

    /// <summary>
    /// The largest request of an asynchronous (<c>Event</c>) invocation: 1 MB (1,048,576 bytes). Source: Lambda quotas;
    /// AWS raised it from 256 KB to 1 MB in October 2025 (older pages still say 256 KB).
    /// </summary>
    public const int AsyncPayloadBytes = 1024 * 1024;

    /// <summary>The shortest function timeout: 1 second. Source: Lambda quotas, "Function timeout".</summary>
    public const int MinTimeoutSeconds = 1;

    /// <summary>The longest function timeout: 900 seconds (15 minutes). Source: Lambda quotas, "Function timeout".</summary>
    public const int MaxTimeoutSeconds = 900;

    /// <summary>Lambda's default function timeout when none is configured: 3 seconds. Source: the CreateFunction API reference.</summary>
    public const int DefaultTimeoutSeconds = 3;

    /// <summary>The smallest memory size: 128 MB. Source: Lambda quotas, "Function memory allocation".</summary>
    public const int MinMemoryMb = 128;

    /// <summary>The largest memory size: 10,240 MB. Source: Lambda quotas, "Function memory allocation".</summary>
    public const int MaxMemoryMb = 10240;

    /// <summary>Lambda's default memory size when none is configured: 128 MB. Source: the CreateFunction API reference.</summary>
    public const int DefaultMemoryMb = 128;

    /// <summary>
    /// How long init may take before Lambda gives up on it (and retries init within the first invocation's timeout):
    /// 10 seconds. Source: the Lambda execution environment lifecycle page, "Init phase".
    /// </summary>
    public const int InitTimeoutSeconds = 10;

    /// <summary>The total size of a function's environment variables: 4 KB. Source: Lambda quotas.</summary>
    public const int EnvironmentVariablesBytes = 4 * 1024;

    /// <summary>
    /// How long a runtime has to shut down after SIGTERM before it is killed: 2 seconds when extensions are
    /// registered (500 ms with internal extensions only, 0 without). Source: the execution environment lifecycle page, "Shutdown phase".
    /// </summary>
    public const int ShutdownGraceMilliseconds = 2000;

    /// <summary>
    /// The <c>/tmp</c> ephemeral storage range: 512 MB (default) to 10,240 MB. Source: Lambda quotas. Listed for completeness;
    /// the emulator does not confine <c>/tmp</c>.
    /// </summary>
    public const int DefaultEphemeralStorageMb = 512;
}
