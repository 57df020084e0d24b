using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// The adapter behind batch sources that have no partial batch response (Kafka, Amazon MQ): Lambda either takes the
/// whole batch as done or delivers all of it again. Records run grouped (a Kafka partition, an MQ queue), each group
/// in order and up to <see cref="BatchOptions.MaxDegreeOfParallelism"/> groups at once; a record that ends failed
/// (after its retries, and not taken by the dead-letter sink) stops its group, because the rest of the group will
/// come again after it and must not overtake it; other groups go on. When any record ended failed, the invocation
/// fails naming the first of them in the event's order (<c>errorType</c> is that record's own failure's), so Lambda
/// retries the batch. A dead-lettered record counts as handled.
/// </summary>
/// <param name="name">The source's name, for init problems and the failure message.</param>
/// <param name="source">The source this adapter accepts.</param>
/// <param name="eventType">Metadata for the event.</param>
/// <param name="records">The event's records, each group's in order.</param>
/// <param name="handling">Builds, at init, how records are identified, grouped and handled.</param>
/// <param name="configure">The user's options.</param>
internal sealed class WholeBatchAdapter<TEvent, TRecord>(
    string name,
    EventSource source,
    JsonTypeInfo<TEvent> eventType,
    Func<TEvent, IList<TRecord>> records,
    Func<PipelineBuildContext, RecordHandling<TRecord>> handling,
    Action<BatchOptions>? configure) : LambdaAdapter
{
    public override string Name => name;

    public override bool Accepts(InvocationContext context) => context.Classify(EventSourceClassifier.Instance) == source;

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var processor = BatchProcessor<TRecord>.Create(
            context,
            name,
            configure,
            handling,
            (deadLetter, _) => deadLetter.MaxReceiveCount is null ? null
                : $"DeadLetter.MaxReceiveCount does not apply to {name}: its records carry no receive count. Remove it; records still go to the dead-letter sink when their retries are exhausted.",
            out var recordHandling);
        if (processor is null)
        {
            return null;
        }

        return async invocation =>
        {
            var items = records(EventReader.Read(invocation.Payload.Span, eventType));
            var result = await processor.ProcessAsync(invocation, items, ProcessingOrder.FifoGroups).ConfigureAwait(false);
            var first = Array.IndexOf(result.Outcomes, RecordOutcome.Failed);
            if (first >= 0)
            {
                throw Failure(recordHandling.Id(items[first]), result.Failures[first], result.Outcomes);
            }
        };
    }

    private LambdaFunctionException Failure(string recordId, Exception? failure, RecordOutcome[] outcomes)
    {
        failure ??= new RecordNotProcessedException(recordId);
        var failed = 0;
        foreach (var outcome in outcomes)
        {
            failed += outcome == RecordOutcome.Failed ? 1 : 0;
        }

        var others = failed > 1 ? $" ({failed - 1} more of the batch's {outcomes.Length} records failed or were not handled)" : string.Empty;
        var errorType = failure is LambdaFunctionException own ? own.ErrorType : failure.GetType().Name;
        return new LambdaFunctionException(
            errorType,
            $"{name} record {recordId} failed{others}, so the whole batch fails and Lambda delivers it again ({name} has no partial batch response): {failure.Message}",
            failure);
    }
}
