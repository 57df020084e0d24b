using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.AmazonMq;

namespace Lambda.Toolkit.Batch.AmazonMq;

/// <summary>
/// Maps Amazon MQ handlers: <see cref="MapActiveMq(LambdaApplication, Func{ActiveMqMessage, RecordContext{ActiveMqMessage}, CancellationToken, ValueTask}, Action{BatchOptions}?)"/>
/// for ActiveMQ brokers and <see cref="MapRabbitMq(LambdaApplication, Func{RabbitMqMessage, RecordContext{RabbitMqRecord}, CancellationToken, ValueTask}, Action{BatchOptions}?)"/>
/// for RabbitMQ brokers (the two engines send events of different shapes, so each has its own call and record type).
/// Messages are handled per queue, in delivery order; up to <see cref="BatchOptions.MaxDegreeOfParallelism"/> queues
/// run at once. Amazon MQ event source mappings have no partial batch response: when a message fails (after its
/// retries, unless the dead-letter sink takes it), the rest of its queue is not handled (it comes again in order),
/// and the invocation fails naming the first failed message, so the whole batch goes back to the broker and is
/// delivered again (redelivered). Messages that succeeded come again with it: set <see cref="BatchOptions.Idempotency"/>
/// to skip them, and <see cref="BatchOptions.DeadLetter"/> to set a poison message aside (a dead-lettered message counts as handled).
/// </summary>
public static class AmazonMqApplicationExtensions
{
    /// <summary>
    /// Maps an ActiveMQ handler whose message body (base64 on the wire) is JSON bound through <paramref name="dataType"/>.
    /// A body that is absent, not base64 or not a <typeparamref name="TData"/> fails that message permanently
    /// (<see cref="BatchErrorTypes.InvalidRecord"/>, never retried).
    /// </summary>
    /// <typeparam name="TData">The body's type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="dataType">Source-generated metadata for <typeparamref name="TData"/>.</param>
    /// <param name="handler">Handles one message; the record context carries the raw message.</param>
    /// <param name="configure">Queue parallelism, retries, dead letters, idempotency (keyed by <c>messageID</c>), hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapActiveMq<TData>(
        this LambdaApplication app, JsonTypeInfo<TData> dataType, Func<TData, RecordContext<ActiveMqMessage>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(dataType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapActiveMq(
            (message, context, ct) => handler(Base64PayloadBinder.Bind(message.Data, dataType, "data", "ActiveMQ message " + message.MessageId), context, ct),
            configure);
    }

    /// <summary>Maps an ActiveMQ handler of raw messages (decode with <see cref="ActiveMqMessage.DecodeData"/> or <see cref="ActiveMqMessage.GetDataString"/>).</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one message.</param>
    /// <param name="configure">Queue parallelism, retries, dead letters, idempotency (keyed by <c>messageID</c>), hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapActiveMq(
        this LambdaApplication app, Func<ActiveMqMessage, RecordContext<ActiveMqMessage>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new WholeBatchAdapter<ActiveMqEvent, ActiveMqMessage>(
            "ActiveMQ",
            EventSource.ActiveMq,
            AmazonMqJsonContext.Default.ActiveMqEvent,
            static e => e.Messages,
            _ => new RecordHandling<ActiveMqMessage>
            {
                Id = static m => m.MessageId,
                GroupKey = static m => m.Destination?.PhysicalName,
                Handle = handler,
                ToDeadLetter = static (m, errorType, errorMessage) => new DeadLetterMessage(
                    m.MessageId,
                    Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(m, AmazonMqJsonContext.Default.ActiveMqMessage)),
                    errorType,
                    errorMessage)
                {
                    Source = m.Destination?.PhysicalName,
                    MessageGroupId = m.Destination?.PhysicalName,
                },
            },
            configure));
    }

    /// <summary>
    /// Maps a RabbitMQ handler whose message body (base64 on the wire) is JSON bound through <paramref name="dataType"/>.
    /// A body that is not base64 or not a <typeparamref name="TData"/> fails that message permanently
    /// (<see cref="BatchErrorTypes.InvalidRecord"/>, never retried).
    /// </summary>
    /// <typeparam name="TData">The body's type.</typeparam>
    /// <param name="app">The application.</param>
    /// <param name="dataType">Source-generated metadata for <typeparamref name="TData"/>.</param>
    /// <param name="handler">Handles one message; the record context carries the message with its queue and virtual host.</param>
    /// <param name="configure">Queue parallelism, retries, dead letters, idempotency (see <see cref="MapRabbitMq(LambdaApplication, Func{RabbitMqMessage, RecordContext{RabbitMqRecord}, CancellationToken, ValueTask}, Action{BatchOptions}?)"/>), hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapRabbitMq<TData>(
        this LambdaApplication app, JsonTypeInfo<TData> dataType, Func<TData, RecordContext<RabbitMqRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(dataType);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapRabbitMq(
            (message, context, ct) => handler(Base64PayloadBinder.Bind(message.Data, dataType, "data", "RabbitMQ message " + context.Record.Id), context, ct),
            configure);
    }

    /// <summary>
    /// Maps a RabbitMQ handler of raw messages (decode with <see cref="RabbitMqMessage.DecodeData"/> or
    /// <see cref="RabbitMqMessage.GetDataString"/>). Idempotency is keyed by the publisher's <c>messageId</c>; a message
    /// without one is keyed by a hash of its queue, timestamp, headers and body, so publish with message ids when two
    /// identical messages in the same second must both be handled.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one message; the record context carries the message with its queue and virtual host.</param>
    /// <param name="configure">Queue parallelism, retries, dead letters, idempotency, hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapRabbitMq(
        this LambdaApplication app, Func<RabbitMqMessage, RecordContext<RabbitMqRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new WholeBatchAdapter<RabbitMqEvent, RabbitMqRecord>(
            "RabbitMQ",
            EventSource.RabbitMq,
            AmazonMqJsonContext.Default.RabbitMqEvent,
            static e => Records(e),
            _ => new RecordHandling<RabbitMqRecord>
            {
                Id = static r => r.Id,
                IdempotencyKey = static r => IdempotencyKey(r),
                GroupKey = static r => r.Queue + "::" + r.VirtualHost,
                Handle = (record, context, ct) => handler(record.Message, context, ct),
                ToDeadLetter = static (r, errorType, errorMessage) => new DeadLetterMessage(
                    r.Id,
                    Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(r.Message, AmazonMqJsonContext.Default.RabbitMqMessage)),
                    errorType,
                    errorMessage)
                {
                    Source = r.EventSourceArn ?? r.Queue,
                    MessageGroupId = r.Queue,
                },
            },
            configure));
    }

    /// <summary>Every queue's messages, queue after queue as the event lists them, each in delivery order.</summary>
    private static List<RabbitMqRecord> Records(RabbitMqEvent @event)
    {
        var records = new List<RabbitMqRecord>();
        foreach (var (key, messages) in @event.MessagesByQueue)
        {
            if (messages is null)
            {
                continue;
            }

            var separator = key.IndexOf("::", StringComparison.Ordinal);
            var queue = separator < 0 ? key : key[..separator];
            var virtualHost = separator < 0 ? "/" : key[(separator + 2)..];
            for (var i = 0; i < messages.Count; i++)
            {
                var message = messages[i] ?? throw new InvalidEventException(typeof(RabbitMqEvent), $"The event is not a valid RabbitMqEvent: queue {key} lists a null message.");
                records.Add(new RabbitMqRecord(message, queue, virtualHost, i, @event.EventSourceArn));
            }
        }

        return records;
    }

    /// <summary>The publisher's message id, else a hash of what identifies the message without one.</summary>
    private static string IdempotencyKey(RabbitMqRecord record)
    {
        var properties = record.Message.BasicProperties;
        if (properties?.MessageId is { Length: > 0 } id)
        {
            return id;
        }

        var identity = new StringBuilder()
            .Append(record.Queue).Append('\n')
            .Append(record.VirtualHost).Append('\n')
            .Append(properties?.Timestamp).Append('\n')
            .Append(properties?.Headers is { } headers ? JsonSerializer.Serialize(headers, AmazonMqJsonContext.Default.IDictionaryStringJsonElement) : null).Append('\n')
            .Append(record.Message.Data)
            .ToString();
        return "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
    }
}
