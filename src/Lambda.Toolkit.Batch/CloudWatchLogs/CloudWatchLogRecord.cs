using Lambda.Toolkit.Events.CloudWatchLogs;

namespace Lambda.Toolkit.Batch.CloudWatchLogs;

/// <summary>
/// One log event of a CloudWatch Logs subscription, with the decoded payload it came in: the log group,
/// stream and owner every log event of the payload shares.
/// </summary>
public sealed class CloudWatchLogRecord
{
    /// <summary>Creates a record: the adapter makes one per log event; a unit test makes one to call a handler directly.</summary>
    /// <param name="data">The decoded payload the log event came in.</param>
    /// <param name="logEvent">The log event.</param>
    public CloudWatchLogRecord(CloudWatchLogsData data, CloudWatchLogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(logEvent);
        Data = data;
        LogEvent = logEvent;
    }

    /// <summary>The decoded payload: message type, owner, log group and stream, subscription filters, all its log events.</summary>
    public CloudWatchLogsData Data { get; }

    /// <summary>The log event this record is.</summary>
    public CloudWatchLogEvent LogEvent { get; }

    /// <summary>The log group's name.</summary>
    public string? LogGroup => Data.LogGroup;

    /// <summary>The log stream's name.</summary>
    public string? LogStream => Data.LogStream;

    /// <summary>The AWS account id of the log group.</summary>
    public string? Owner => Data.Owner;
}
