using System.Runtime.ExceptionServices;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Batch;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// The adapter behind every batch and record source (SQS, Kinesis, DynamoDB Streams, S3, SNS, EventBridge, CloudWatch Logs, SES):
/// accepts its source's events (classified once per invocation), validates the options and builds the
/// record processor at init, and per invocation reads the event and processes its records.
/// </summary>
/// <param name="name">The source's name, for init problems.</param>
/// <param name="source">The source this adapter accepts.</param>
/// <param name="eventType">Metadata for the event.</param>
/// <param name="records">The event's records.</param>
/// <param name="order">
/// For a batch source, the order its records need; the function answers with a partial batch response.
/// <see langword="null"/> for an asynchronous source: records in order, and the first failure is rethrown so
/// that Lambda's own retries and on-failure destination apply.
/// </param>
/// <param name="handling">Builds, at init, how records are identified and handled (class handlers are resolved then).</param>
/// <param name="configure">The user's options.</param>
internal sealed class BatchAdapter<TEvent, TRecord>(
    string name,
    EventSource source,
    JsonTypeInfo<TEvent> eventType,
    Func<TEvent, IList<TRecord>> records,
    Func<IList<TRecord>, ProcessingOrder>? order,
    Func<PipelineBuildContext, RecordHandling<TRecord>> handling,
    Action<BatchOptions>? configure) : LambdaAdapter
{
    public override string Name => name;

    public override bool Accepts(InvocationContext context)
    {
        var detected = context.Classify(EventSourceClassifier.Instance);
        return detected == source || (detected == EventSource.EmptyBatch && order is not null);
    }

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var processor = BatchProcessor<TRecord>.Create(context, name, configure, handling, (_, recordHandling) =>
            order is null ? "Dead letters do not apply to asynchronous sources (S3, SNS, EventBridge, CloudWatch Logs, SES): failures are rethrown so that Lambda's retries and on-failure destination apply. Remove DeadLetter, or configure an on-failure destination for the function."
            : recordHandling.ToDeadLetter is null ? "Dead letters are configured, but this source cannot turn its records into dead letters."
            : null,
            out _);
        if (processor is null)
        {
            return null;
        }

        if (order is null)
        {
            return async invocation =>
            {
                var @event = EventReader.Read(invocation.Payload.Span, eventType);
                var result = await processor.ProcessAsync(invocation, records(@event), ProcessingOrder.StopAtFirstFailure).ConfigureAwait(false);
                if (result.FirstFailure is { } failure)
                {
                    ExceptionDispatchInfo.Capture(failure).Throw();
                }
            };
        }

        return async invocation =>
        {
            var batch = EventReader.Read(invocation.Payload.Span, eventType);
            var items = records(batch);
            var result = await processor.ProcessAsync(invocation, items, order(items)).ConfigureAwait(false);
            invocation.Response.SetJson(result.Response, BatchJsonContext.Default.BatchResponse);
        };
    }
}
