using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Batch.Sqs;

/// <summary>Handles one SQS message, its body bound to <typeparamref name="TMessage"/>. Resolved from the message's own scope.</summary>
/// <typeparam name="TMessage">The body's type.</typeparam>
public interface ISqsMessageHandler<in TMessage>
{
    /// <summary>Handles the message; throw to fail it (only this message is retried or dead-lettered).</summary>
    /// <param name="message">The body.</param>
    /// <param name="context">The raw message, its scope and the invocation.</param>
    /// <param name="cancellationToken">Fires before the invocation's deadline.</param>
    /// <returns>A task that completes when the message is handled.</returns>
    ValueTask HandleAsync(TMessage message, RecordContext<SqsMessage> context, CancellationToken cancellationToken);
}
