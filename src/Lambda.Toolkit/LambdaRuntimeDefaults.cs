namespace Lambda.Toolkit;

/// <summary>The defaults of <see cref="LambdaRuntimeOptions"/>, in one place.</summary>
public static class LambdaRuntimeDefaults
{
    /// <summary>The invocation token fires this long before the deadline: 500 ms.</summary>
    public static readonly TimeSpan CancellationMargin = TimeSpan.FromMilliseconds(500);

    /// <summary>A handler still running this long before the deadline is reported as timed out: 100 ms.</summary>
    public static readonly TimeSpan TimeoutReportMargin = TimeSpan.FromMilliseconds(100);

    /// <summary>Lambda's limit for a buffered response: 6 MB (6,291,456 bytes).</summary>
    public const int MaxResponseSize = 6 * 1024 * 1024;

    /// <summary>Attempts for a Runtime API call that fails to connect, before the process gives up: 6.</summary>
    public const int RuntimeApiMaxAttempts = 6;

    /// <summary>The first retry delay for the Runtime API, doubled on each further attempt: 50 ms.</summary>
    public static readonly TimeSpan RuntimeApiRetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>Concurrent invocation loops in one process: 1, unless Lambda sets <c>AWS_LAMBDA_MAX_CONCURRENCY</c>.</summary>
    public const int MaxConcurrency = 1;
}
