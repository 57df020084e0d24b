using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Adapters;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;
using Lambda.Toolkit.Logging;

namespace Lambda.Toolkit.Batch.Sqs;

/// <summary>
/// Maps SQS handlers. The function answers with a partial batch response listing exactly the failed
/// message ids (enable ReportBatchItemFailures on the event source mapping). Standard queues run up to
/// <see cref="BatchOptions.MaxDegreeOfParallelism"/> messages at once; FIFO queues (detected from the ARN or
/// the MessageGroupId attribute) keep each group in order and, after a failure, report the rest of that
/// group without handling it.
/// </summary>
public static class SqsApplicationExtensions
{
    /// <summary>Maps a class handler; the body is bound through <paramref name="messageType"/>.</summary>
    /// <typeparam name="TMessage">The body's type.</typeparam>
    /// <typeparam name="THandler">The handler, resolved from each message's scope; register it (<c>builder.Services.AddScoped&lt;THandler&gt;()</c>) or init fails naming that registration.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="messageType">Source-generated metadata for <typeparamref name="TMessage"/>.</param>
    /// <param name="configure">Parallelism, retries, dead letters, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSqs<TMessage, THandler>(
        this LambdaApplication app, JsonTypeInfo<TMessage> messageType, Action<BatchOptions>? configure = null)
        where THandler : class, ISqsMessageHandler<TMessage>
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(messageType);
        return app.MapSqs(
            build =>
            {
                var resolve = build.GetScopedServiceFactory<THandler>();
                return (message, context, ct) => resolve(context.Services).HandleAsync(RecordBinder.Bind(message.Body, messageType, message.MessageId), context, ct);
            },
            configure);
    }

    /// <summary>Maps a delegate handler; the body is bound through <paramref name="messageType"/>. A body that cannot be bound fails that message only.</summary>
    /// <typeparam name="TMessage">The body's type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="messageType">Source-generated metadata for <typeparamref name="TMessage"/>.</param>
    /// <param name="handler">Handles one message.</param>
    /// <param name="configure">Parallelism, retries, dead letters, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSqs<TMessage>(
        this LambdaApplication app, JsonTypeInfo<TMessage> messageType, Func<TMessage, RecordContext<SqsMessage>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapSqs((message, context, ct) => handler(RecordBinder.Bind(message.Body, messageType, message.MessageId), context, ct), configure);
    }

    /// <summary>Maps a handler of raw messages.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one message.</param>
    /// <param name="configure">Parallelism, retries, dead letters, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSqs(
        this LambdaApplication app, Func<SqsMessage, RecordContext<SqsMessage>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapSqs(_ => handler, configure);
    }

    private static LambdaApplication MapSqs(
        this LambdaApplication app, Func<PipelineBuildContext, Func<SqsMessage, RecordContext<SqsMessage>, CancellationToken, ValueTask>> handler, Action<BatchOptions>? configure) =>
        app.MapAdapter(new BatchAdapter<SqsEvent, SqsMessage>(
            "SQS",
            EventSource.Sqs,
            SqsJsonContext.Default.SqsEvent,
            static e => e.Records,
            static records => records.Count > 0 && records[0].IsFromFifoQueue ? ProcessingOrder.FifoGroups : ProcessingOrder.Unordered,
            build => new RecordHandling<SqsMessage>
            {
                Id = static m => m.MessageId,
                Handle = handler(build),
                GroupKey = static m => m.MessageGroupId,
                ReceiveCount = static m => m.ApproximateReceiveCount,
                CorrelationId = static m => CorrelationIdOf(m),
                LogScope = static m => new RecordLogScope(LambdaLogKeys.MessageId, m.MessageId, LambdaLogKeys.MessageGroupId, m.MessageGroupId, LambdaLogKeys.CorrelationId, CorrelationIdOf(m)),
                ToDeadLetter = static (m, errorType, errorMessage) => new DeadLetterMessage(m.MessageId, m.Body, errorType, errorMessage)
                {
                    Source = m.EventSourceArn,
                    Attributes = m.MessageAttributes,
                    MessageGroupId = m.MessageGroupId,
                    ReceiveCount = m.ApproximateReceiveCount,
                    CorrelationId = CorrelationIdOf(m),
                },
            },
            configure));

    /// <summary>The message's <c>x-correlation-id</c> message attribute, when it is a String attribute with a value.</summary>
    private static string? CorrelationIdOf(SqsMessage message) =>
        message.GetMessageAttribute(LambdaLogKeys.CorrelationIdHeader) is { Kind: SqsAttributeKind.String, StringValue: { Length: > 0 } id } ? id : null;
}
