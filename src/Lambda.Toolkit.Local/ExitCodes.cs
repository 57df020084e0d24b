namespace Lambda.Toolkit.Local;

/// <summary>The tool's exit codes, the same for every command; README.md and <see cref="Usage.Text"/> list them.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked; the function answered successfully.</summary>
    public const int Success = 0;

    /// <summary>The function answered with an error, or Lambda would have failed the invocation (response over the limit, out of memory).</summary>
    public const int FunctionError = 1;

    /// <summary>Bad arguments, an unreadable event, an event over Lambda's payload limit, a port already in use: nothing was run.</summary>
    public const int Usage = 2;

    /// <summary>The function reported an init error.</summary>
    public const int InitError = 3;

    /// <summary>The invocation or init timed out, including a handler that stopped on its cancellation token at the deadline.</summary>
    public const int Timeout = 4;

    /// <summary>The function could not be built or started, or its process exited before answering.</summary>
    public const int ProcessFailed = 5;

    /// <summary>Stopped by SIGINT (Ctrl+C): 128 + 2, as shells report it.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (<c>kill</c>, <c>timeout</c>, a container stop): 128 + 15, as shells report it.</summary>
    public const int Terminated = 143;
}
