namespace JobQueue.Adapter;

/// <summary>How the job adapter runs a batch. Validated at init: a wrong value is an init error, never a crash of Main.</summary>
public sealed class JobQueueOptions
{
    /// <summary>How many jobs run at once. Default: 1.</summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;

    /// <summary>A job tried this many times or more is failed without running (the dispatcher then parks it). Default: 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    internal IEnumerable<string> Validate()
    {
        if (MaxDegreeOfParallelism is < 1 or > 64)
        {
            yield return $"{nameof(MaxDegreeOfParallelism)} must be between 1 and 64 (was {MaxDegreeOfParallelism}).";
        }

        if (MaxAttempts < 1)
        {
            yield return $"{nameof(MaxAttempts)} must be at least 1 (was {MaxAttempts}).";
        }
    }
}
