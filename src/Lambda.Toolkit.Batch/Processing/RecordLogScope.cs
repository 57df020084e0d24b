using System.Collections;
using System.Text;
using Lambda.Toolkit.Logging;
using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// The log scope of one record: the keys that identify it at its source (<see cref="LambdaLogKeys.MessageId"/>,
/// <see cref="LambdaLogKeys.MessageGroupId"/>, <see cref="LambdaLogKeys.EventId"/>, <see cref="LambdaLogKeys.ShardId"/>)
/// and its <see cref="LambdaLogKeys.CorrelationId"/>, so every line logged while the record is handled (by the
/// processor or by the user's handler, through any logger of the same factory) carries them. Keys without a value
/// are left out. Opened by <see cref="HandleStage{TRecord}"/> around the record's whole handling, retries included.
/// </summary>
internal sealed class RecordLogScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly KeyValuePair<string, object?>[] _pairs;

    public RecordLogScope(string key1, string? value1, string? key2 = null, string? value2 = null, string? key3 = null, string? value3 = null)
    {
        var count = (value1 is null ? 0 : 1) + (key2 is not null && value2 is not null ? 1 : 0) + (key3 is not null && value3 is not null ? 1 : 0);
        _pairs = new KeyValuePair<string, object?>[count];
        var i = 0;
        if (value1 is not null)
        {
            _pairs[i++] = new(key1, value1);
        }

        if (key2 is not null && value2 is not null)
        {
            _pairs[i++] = new(key2, value2);
        }

        if (key3 is not null && value3 is not null)
        {
            _pairs[i] = new(key3, value3);
        }
    }

    public int Count => _pairs.Length;

    public KeyValuePair<string, object?> this[int index] => _pairs[index];

    /// <summary>Opens the record's scope on <paramref name="logger"/>; nothing when the source has no scope or nothing is logged.</summary>
    public static IDisposable? Begin<TRecord>(ILogger logger, RecordHandling<TRecord> handling, TRecord record) =>
        handling.LogScope is { } scope && logger.IsEnabled(LogLevel.Critical) ? logger.BeginScope(scope(record)) : null;

    /// <summary>The Kinesis shard a stream record came from: its event id is <c>shardId-...:sequenceNumber</c>; <see langword="null"/> for other ids.</summary>
    public static string? ShardOf(string? eventId) =>
        eventId is not null && eventId.StartsWith("shardId-", StringComparison.Ordinal) && eventId.IndexOf(':', StringComparison.Ordinal) is var colon and > 0
            ? eventId[..colon]
            : null;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_pairs).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary><c>key=value, key=value</c>: what loggers that print scopes as text show.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _pairs)
        {
            text.Append(text.Length == 0 ? string.Empty : ", ").Append(key).Append('=').Append(value);
        }

        return text.ToString();
    }
}
