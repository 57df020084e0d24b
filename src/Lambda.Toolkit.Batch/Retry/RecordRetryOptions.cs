namespace Lambda.Toolkit.Batch.Retry;

/// <summary>
/// How a failed record is retried within the invocation (a Polly v8 retry with exponential backoff and
/// jitter, built once at init). Retries never outlast the invocation: its cancellation token ends them.
/// </summary>
public sealed class RecordRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. Default: <see cref="RecordRetryDefaults.MaxRetryAttempts"/> (2).</summary>
    public int MaxRetryAttempts { get; set; } = RecordRetryDefaults.MaxRetryAttempts;

    /// <summary>The first delay, doubled on each retry. Default: <see cref="RecordRetryDefaults.Delay"/> (100 ms).</summary>
    public TimeSpan Delay { get; set; } = RecordRetryDefaults.Delay;

    /// <summary>The longest delay between attempts. Default: <see cref="RecordRetryDefaults.MaxDelay"/> (2 s).</summary>
    public TimeSpan MaxDelay { get; set; } = RecordRetryDefaults.MaxDelay;

    /// <summary>Whether delays get random jitter, so parallel records do not retry in step. Default: true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// Tells transient failures (retried) from permanent ones. Default: every exception except
    /// <see cref="PermanentFailureException"/>, <see cref="RecordBindingException"/> (any
    /// <see cref="InvalidEventException"/>) and cancellation. Those are never retried, whatever this returns.
    /// </summary>
    public Func<Exception, bool>? IsTransient { get; set; }

    internal void Validate(List<string> problems)
    {
        if (MaxRetryAttempts < 0)
        {
            problems.Add($"Retry.{nameof(MaxRetryAttempts)} must not be negative (was {MaxRetryAttempts}).");
        }

        if (Delay < TimeSpan.Zero)
        {
            problems.Add($"Retry.{nameof(Delay)} must not be negative (was {Delay}).");
        }

        if (MaxDelay < Delay)
        {
            problems.Add($"Retry.{nameof(MaxDelay)} ({MaxDelay}) must not be below Retry.{nameof(Delay)} ({Delay}).");
        }
    }
}
