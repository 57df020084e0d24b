namespace Lambda.Toolkit.Local.Simulation;

/// <summary>Where a record ended up.</summary>
internal enum FateOutcome
{
    /// <summary>Still waiting when the simulation stopped (it was cancelled).</summary>
    Pending,

    /// <summary>The function handled it: the service deleted it (a queue) or counted it a success (an async event).</summary>
    Processed,

    /// <summary>A rule sent it to the simulated dead-letter queue or on-failure destination.</summary>
    DeadLettered,

    /// <summary>A rule dropped it, with nowhere to go: the fate table names the rule.</summary>
    Lost,

    /// <summary>The queue dropped it as a duplicate of an earlier message (FIFO deduplication).</summary>
    Deduplicated,
}

/// <summary>One record's history in a simulation: the row of the fate table.</summary>
/// <param name="line">The line of the input file it came from (1-based).</param>
/// <param name="id">The record's id (an SQS message id, an async event's request id).</param>
internal sealed class RecordFate(int line, string id)
{
    /// <summary>The line of the input file it came from (1-based).</summary>
    public int Line { get; } = line;

    /// <summary>The record's id.</summary>
    public string Id { get; } = id;

    /// <summary>How many times the function was given it.</summary>
    public int Deliveries { get; set; }

    /// <summary>Where it ended up.</summary>
    public FateOutcome Outcome { get; private set; }

    /// <summary>Why, naming the rule that decided it.</summary>
    public string Why { get; private set; } = "not delivered yet";

    /// <summary>Whether it has reached its final outcome.</summary>
    public bool Settled => Outcome != FateOutcome.Pending;

    /// <summary>Records the final outcome.</summary>
    /// <exception cref="InvalidOperationException">It had already been settled: an engine bug, never hidden.</exception>
    public void Settle(FateOutcome outcome, string why)
    {
        if (Settled)
        {
            throw new InvalidOperationException($"Record {Id} was settled twice ({Outcome}, then {outcome}).");
        }

        Outcome = outcome;
        Why = why;
    }

    /// <summary>Notes why a record that is still pending is waiting (its last failure).</summary>
    public void Note(string why) => Why = why;
}
