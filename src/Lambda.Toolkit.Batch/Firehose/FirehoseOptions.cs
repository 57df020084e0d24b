namespace Lambda.Toolkit.Batch.Firehose;

/// <summary>
/// How the Firehose adapter runs a batch. Validated at init: a wrong value is an init problem, never an exception
/// out of <c>MapFirehose</c>. Records are not retried: a record whose handler throws is answered
/// <c>ProcessingFailed</c> with its original data, and Firehose's own retry and error output take it from there.
/// </summary>
public sealed class FirehoseOptions
{
    /// <summary>How many records are transformed at once. The response keeps the event's order whatever the value. Default: 1.</summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;

    internal List<string> Validate()
    {
        var problems = new List<string>();
        if (MaxDegreeOfParallelism < 1)
        {
            problems.Add($"{nameof(MaxDegreeOfParallelism)} must be at least 1 (was {MaxDegreeOfParallelism}).");
        }

        return problems;
    }
}
