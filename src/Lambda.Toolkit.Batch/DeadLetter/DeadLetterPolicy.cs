namespace Lambda.Toolkit.Batch.DeadLetter;

/// <summary>When records go to a dead-letter sink, and which sink. Create one with <see cref="DeadLetters"/>.</summary>
public sealed class DeadLetterPolicy
{
    internal DeadLetterPolicy(Func<IServiceProvider, IDeadLetterSink> sink, Type? requiredService)
    {
        Sink = sink;
        RequiredService = requiredService;
    }

    /// <summary>The service the sink is made from, checked at init: a missing registration is an init problem, not a failed batch.</summary>
    internal Type? RequiredService { get; }

    /// <summary>Resolves the sink; called once per invocation that has records to dead-letter.</summary>
    public Func<IServiceProvider, IDeadLetterSink> Sink { get; }

    /// <summary>Send a record whose retries are exhausted (or that failed permanently). Default: true.</summary>
    public bool WhenRetriesExhausted { get; set; } = true;

    /// <summary>
    /// Send an SQS message without handling it when its ApproximateReceiveCount is above this (a poison
    /// message that keeps coming back). Default: <see langword="null"/>, no threshold.
    /// </summary>
    public int? MaxReceiveCount { get; set; }
}
