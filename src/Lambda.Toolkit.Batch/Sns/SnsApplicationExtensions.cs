using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sns;

namespace Lambda.Toolkit.Batch.Sns;

/// <summary>
/// Maps SNS handlers. SNS invokes functions asynchronously: a failure (after its retries) is rethrown so that
/// Lambda's own retries and the function's on-failure destination apply.
/// </summary>
public static class SnsApplicationExtensions
{
    /// <summary>Maps a handler whose SNS message is JSON bound through <paramref name="messageType"/>.</summary>
    /// <typeparam name="TMessage">The message's type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="messageType">Source-generated metadata for <typeparamref name="TMessage"/>.</param>
    /// <param name="handler">Handles one notification.</param>
    /// <param name="configure">Retries and hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSns<TMessage>(
        this LambdaApplication app, JsonTypeInfo<TMessage> messageType, Func<TMessage, RecordContext<SnsRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapSns((record, context, ct) => handler(RecordBinder.Bind(record.Sns.Message, messageType, record.Sns.MessageId), context, ct), configure);
    }

    /// <summary>Maps a handler of raw SNS records.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one notification.</param>
    /// <param name="configure">Retries and hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapSns(
        this LambdaApplication app, Func<SnsRecord, RecordContext<SnsRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new BatchAdapter<SnsEvent, SnsRecord>(
            "SNS",
            EventSource.Sns,
            SnsJsonContext.Default.SnsEvent,
            static e => e.Records,
            null,
            _ => new RecordHandling<SnsRecord>
            {
                Id = static r => r.Sns.MessageId,
                Handle = handler,
            },
            configure));
    }
}
