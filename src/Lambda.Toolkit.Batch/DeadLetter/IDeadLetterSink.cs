namespace Lambda.Toolkit.Batch.DeadLetter;

/// <summary>
/// Where records go that cannot be processed, so they are acknowledged instead of retried forever. A
/// record is acknowledged only if the sink accepted it; one the sink refuses is reported failed, so it is
/// delivered again — never dropped.
/// </summary>
public interface IDeadLetterSink
{
    /// <summary>Sends <paramref name="messages"/>; returns the record ids the sink could not accept.</summary>
    /// <param name="messages">The records, in order.</param>
    /// <param name="cancellationToken">Fires before the invocation's deadline.</param>
    /// <returns>The <see cref="DeadLetterMessage.RecordId"/> of every message that was not accepted; empty when all were.</returns>
    ValueTask<IReadOnlyCollection<string>> SendAsync(IReadOnlyList<DeadLetterMessage> messages, CancellationToken cancellationToken);
}
