using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Batch;
using Lambda.Toolkit.Logging;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// The adapter of a stream's tumbling-window aggregation (Kinesis, DynamoDB Streams): the handler gets the whole
/// event (its records, <c>window</c>, the <c>state</c> the previous invocation of the window returned, and whether
/// this is the window's final invocation) and returns the new state, which the function answers as
/// <c>{"state":{...},"batchItemFailures":[]}</c> so that Lambda passes it to the window's next invocation. State
/// values are any JSON (numbers stay numbers). A handler that throws fails the invocation, and Lambda retries the
/// batch with the state it had. Lines logged while the handler runs carry the window's <c>shardId</c> (a scope).
/// </summary>
internal sealed class TimeWindowAdapter<TEvent>(
    string name,
    EventSource source,
    JsonTypeInfo<TEvent> eventType,
    Func<TEvent, InvocationContext, CancellationToken, ValueTask<Dictionary<string, JsonElement>?>> aggregate,
    Func<TEvent, string?> shardId) : LambdaAdapter
{
    public override string Name => name;

    public override bool Accepts(InvocationContext context) =>
        context.Classify(EventSourceClassifier.Instance) is var detected && (detected == source || detected == EventSource.EmptyBatch);

    public override InvocationDelegate? Build(PipelineBuildContext context)
    {
        var logger = context.CreateLogger("Lambda.Toolkit.Batch." + name.Replace(" ", string.Empty, StringComparison.Ordinal));
        return invocation => AggregateAsync(invocation, logger);
    }

    private async ValueTask AggregateAsync(InvocationContext invocation, ILogger logger)
    {
        var @event = EventReader.Read(invocation.Payload.Span, eventType);
        using var logScope = shardId(@event) is { } shard && logger.IsEnabled(LogLevel.Critical) ? logger.BeginScope(new RecordLogScope(LambdaLogKeys.ShardId, shard)) : null;
        var state = await aggregate(@event, invocation, invocation.CancellationToken).ConfigureAwait(false);
        invocation.Response.SetJson(new TimeWindowResponse { State = state ?? [], BatchItemFailures = [] }, BatchJsonContext.Default.TimeWindowResponse);
    }
}
