namespace Lambda.Toolkit.Batch;

/// <summary>
/// One record being handled: the raw record, its own DI scope (records may run in parallel, so each gets
/// a scope), and the invocation it belongs to.
/// </summary>
/// <typeparam name="TRecord">The raw record type, for example <c>SqsMessage</c>.</typeparam>
public sealed class RecordContext<TRecord>
{
    internal RecordContext(TRecord record, InvocationContext invocation, IServiceProvider services)
    {
        Record = record;
        Invocation = invocation;
        Services = services;
    }

    /// <summary>The raw record as Lambda delivered it.</summary>
    public TRecord Record { get; }

    /// <summary>The invocation: request id, deadline, remaining time.</summary>
    public InvocationContext Invocation { get; }

    /// <summary>The record's own services scope, disposed when the record is done.</summary>
    public IServiceProvider Services { get; }
}
