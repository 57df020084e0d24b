namespace Lambda.Toolkit.Batch;

/// <summary>
/// One record being handled: the raw record, its own DI scope (records may run in parallel, so each gets
/// a scope), and the invocation it belongs to.
/// </summary>
/// <typeparam name="TRecord">The raw record type, for example <c>SqsMessage</c>.</typeparam>
public sealed class RecordContext<TRecord>
{
    /// <summary>
    /// Creates a record context: the batch adapters make one per record; a unit test makes one to call a record
    /// handler directly, without the pipeline.
    /// </summary>
    /// <param name="record">The raw record.</param>
    /// <param name="invocation">The invocation the record belongs to (see <see cref="InvocationContext(string, DateTimeOffset, ReadOnlyMemory{byte}, LambdaFunctionInfo?, TimeProvider?)"/>).</param>
    /// <param name="services">The record's services scope.</param>
    public RecordContext(TRecord record, InvocationContext invocation, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        ArgumentNullException.ThrowIfNull(services);
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

    /// <summary>
    /// The correlation id the record carries, to pass on to what the handler calls or sends: an SQS message's
    /// <c>x-correlation-id</c> message attribute (a String attribute), an EventBridge event's <c>id</c>;
    /// <see langword="null"/> when there is none (other sources carry none). Log lines written while the record is
    /// handled carry it as <c>correlationId</c>, and the SQS dead-letter sink passes it on. Default: <see langword="null"/>.
    /// </summary>
    public string? CorrelationId { get; init; }
}
