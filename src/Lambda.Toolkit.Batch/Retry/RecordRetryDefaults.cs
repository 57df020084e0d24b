namespace Lambda.Toolkit.Batch.Retry;

/// <summary>The defaults of <see cref="RecordRetryOptions"/>.</summary>
public static class RecordRetryDefaults
{
    /// <summary>Retries after the first attempt: 2.</summary>
    public const int MaxRetryAttempts = 2;

    /// <summary>The first delay, doubled on each retry: 100 ms.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest delay between attempts: 2 s.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);
}
