using Lambda.Toolkit.Batch.Processing;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudWatchLogs;

namespace Lambda.Toolkit.Batch.CloudWatchLogs;

/// <summary>
/// Maps CloudWatch Logs subscription filter handlers. CloudWatch Logs invokes functions asynchronously: the
/// payload is decoded (base64, gzip, JSON) and its log events are handled in order, one at a time; a failure
/// (after its retries) is rethrown so that Lambda's own retries and the function's on-failure destination apply.
/// A control message is acknowledged without calling the handler.
/// </summary>
public static class CloudWatchLogsApplicationExtensions
{
    /// <summary>Maps a handler of log events.</summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Handles one log event; the record context's record carries its log group, stream and owner.</param>
    /// <param name="configure">Retries, idempotency (keyed by the log event id) and hooks.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapCloudWatchLogs(
        this LambdaApplication app, Func<CloudWatchLogEvent, RecordContext<CloudWatchLogRecord>, CancellationToken, ValueTask> handler, Action<BatchOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new BatchAdapter<CloudWatchLogsEvent, CloudWatchLogRecord>(
            "CloudWatch Logs",
            EventSource.CloudWatchLogs,
            CloudWatchLogsJsonContext.Default.CloudWatchLogsEvent,
            static e => Records(e),
            null,
            _ => new RecordHandling<CloudWatchLogRecord>
            {
                Id = static r => r.LogEvent.Id,
                Handle = (record, context, ct) => handler(record.LogEvent, context, ct),
            },
            configure));
    }

    /// <summary>The payload's log events, or none for a control message; bad data fails the invocation as bad input.</summary>
    private static List<CloudWatchLogRecord> Records(CloudWatchLogsEvent @event)
    {
        CloudWatchLogsData data;
        try
        {
            data = @event.Decode();
        }
        catch (EventDeserializationException ex)
        {
            throw new InvalidEventException(typeof(CloudWatchLogsEvent), ex.Message, ex) { JsonPath = ex.JsonPath };
        }

        if (data.IsControlMessage || data.LogEvents is not { Count: > 0 } logEvents)
        {
            return [];
        }

        var records = new List<CloudWatchLogRecord>(logEvents.Count);
        foreach (var logEvent in logEvents)
        {
            records.Add(new CloudWatchLogRecord(data, logEvent));
        }

        return records;
    }
}
