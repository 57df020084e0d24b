using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;

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
    /// <typeparam name="THandler">The handler, resolved from each message's scope (or created with its dependencies from it when not registered).</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="messageType">Source-generated metadata for <typeparamref name="TMessage"/>.</param>
    /// <param name="configure">Parallelism, retries, dead letters, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSqs<TMessage, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(
        this LambdaApplication app, JsonTypeInfo<TMessage> messageType, Action<BatchOptions>? configure = null)
        where THandler : class, ISqsMessageHandler<TMessage>
    {
        ArgumentNullException.ThrowIfNull(app);
        var resolve = ServiceActivator.For<THandler>(app.ServicesOrNull);
        return app.MapSqs(messageType, (message, context, ct) => resolve(context.Services).HandleAsync(message, context, ct), configure);
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
        return app.MapSqs((message, context, ct) => handler(BatchAdapter.Bind(message.Body, messageType, message.MessageId), context, ct), configure);
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
        var options = BatchAdapter.Options(configure);
        var handling = new RecordHandling<SqsMessage>
        {
            Id = static m => m.MessageId,
            Handle = handler,
            GroupKey = static m => m.MessageGroupId,
            ReceiveCount = static m => m.ApproximateReceiveCount,
            ToDeadLetter = static (m, errorType, errorMessage) => new DeadLetterMessage(m.MessageId, m.Body, errorType, errorMessage)
            {
                Source = m.EventSourceArn,
                Attributes = m.MessageAttributes,
                MessageGroupId = m.MessageGroupId,
                ReceiveCount = m.ApproximateReceiveCount,
            },
        };
        var processor = BatchAdapter.Processor(app, options, handling, "Lambda.Toolkit.Batch.Sqs");
        return BatchAdapter.MapBatch(
            app,
            EventSource.Sqs,
            LambdaEventsJsonContext.Default.SqsEvent,
            static e => e.Records,
            static records => records.Count > 0 && records[0].IsFromFifoQueue ? ProcessingOrder.FifoGroups : ProcessingOrder.Unordered,
            processor);
    }
}
