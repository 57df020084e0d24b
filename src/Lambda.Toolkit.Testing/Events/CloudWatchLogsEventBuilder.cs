using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.CloudWatchLogs;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// Builds a CloudWatch Logs subscription event as CloudWatch Logs delivers it: the log data as JSON, gzip-compressed,
/// then base64-encoded into <c>awslogs.data</c>. Log event ids are 56-digit decimal strings and timestamps Unix
/// milliseconds, as CloudWatch Logs writes them.
/// </summary>
/// <example>
/// <code>
/// var logs = new CloudWatchLogsEventBuilder("/aws/lambda/orders")
///     .AddLogEvent("[ERROR] payment declined")
///     .ToJson();
/// </code>
/// </example>
public sealed class CloudWatchLogsEventBuilder
{
    private readonly string _logGroup;
    private readonly List<(string Message, DateTimeOffset? Time)> _logEvents = [];
    private string _logStream = "2026/01/01/[$LATEST]" + EventIds.Hex32();
    private string _owner = EventDefaults.AccountId;
    private string _filterName = "test-filter";
    private bool _control;

    /// <summary>Starts an event from the named log group.</summary>
    /// <param name="logGroup">The log group name. Default: <c>test-log-group</c>.</param>
    public CloudWatchLogsEventBuilder(string logGroup = "test-log-group")
    {
        ArgumentException.ThrowIfNullOrEmpty(logGroup);
        _logGroup = logGroup;
    }

    /// <summary>Sets the log stream. Default: a Lambda-style stream name.</summary>
    /// <param name="logStream">The log stream name.</param>
    /// <returns>This builder.</returns>
    public CloudWatchLogsEventBuilder InStream(string logStream)
    {
        ArgumentException.ThrowIfNullOrEmpty(logStream);
        _logStream = logStream;
        return this;
    }

    /// <summary>Sets the account that owns the log group. Default: <c>123456789012</c>.</summary>
    /// <param name="accountId">The 12-digit account id.</param>
    /// <returns>This builder.</returns>
    public CloudWatchLogsEventBuilder OwnedBy(string accountId)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountId);
        _owner = accountId;
        return this;
    }

    /// <summary>Sets the subscription filter's name. Default: <c>test-filter</c>.</summary>
    /// <param name="filterName">The filter name.</param>
    /// <returns>This builder.</returns>
    public CloudWatchLogsEventBuilder WithFilter(string filterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(filterName);
        _filterName = filterName;
        return this;
    }

    /// <summary>
    /// Makes the event a <c>CONTROL_MESSAGE</c>, the check CloudWatch Logs sends when a subscription is created:
    /// it carries no log events of its own, and the added ones are ignored.
    /// </summary>
    /// <returns>This builder.</returns>
    public CloudWatchLogsEventBuilder AsControlMessage()
    {
        _control = true;
        return this;
    }

    /// <summary>Adds a log event.</summary>
    /// <param name="message">The log line.</param>
    /// <param name="time">When it was logged. Default: the time <see cref="BuildData"/> runs, one millisecond apart per event.</param>
    /// <returns>This builder.</returns>
    public CloudWatchLogsEventBuilder AddLogEvent(string message, DateTimeOffset? time = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        _logEvents.Add((message, time));
        return this;
    }

    /// <summary>Adds a log event whose message is <paramref name="value"/> serialized as JSON (a structured log line).</summary>
    /// <typeparam name="T">The log line's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="jsonTypeInfo">Source-generated JSON metadata for <typeparamref name="T"/>.</param>
    /// <param name="time">When it was logged.</param>
    /// <returns>This builder.</returns>
    public CloudWatchLogsEventBuilder AddLogEvent<T>(T value, JsonTypeInfo<T> jsonTypeInfo, DateTimeOffset? time = null)
    {
        ArgumentNullException.ThrowIfNull(jsonTypeInfo);
        return AddLogEvent(JsonSerializer.Serialize(value, jsonTypeInfo), time);
    }

    /// <summary>Builds the decoded log data, as the handler sees it.</summary>
    /// <returns>A new <see cref="CloudWatchLogsData"/>.</returns>
    public CloudWatchLogsData BuildData()
    {
        if (_control)
        {
            return new CloudWatchLogsData
            {
                MessageType = CloudWatchLogsData.ControlMessage,
                Owner = "CloudwatchLogs",
                LogGroup = string.Empty,
                LogStream = string.Empty,
                SubscriptionFilters = [],
                LogEvents = [new CloudWatchLogEvent { Id = string.Empty, Timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), Message = "CWL CONTROL MESSAGE: Checking health of destination Kinesis stream." }],
            };
        }

        var now = DateTimeOffset.UtcNow;
        var logEvents = new List<CloudWatchLogEvent>(_logEvents.Count);
        for (var i = 0; i < _logEvents.Count; i++)
        {
            var (message, time) = _logEvents[i];
            logEvents.Add(new CloudWatchLogEvent
            {
                Id = EventIds.DecimalDigits(56),
                Timestamp = (time ?? now.AddMilliseconds(i)).ToUnixTimeMilliseconds(),
                Message = message,
            });
        }

        return new CloudWatchLogsData
        {
            MessageType = CloudWatchLogsData.DataMessage,
            Owner = _owner,
            LogGroup = _logGroup,
            LogStream = _logStream,
            SubscriptionFilters = [_filterName],
            LogEvents = logEvents,
        };
    }

    /// <summary>Builds the event: the log data serialized, gzip-compressed and base64-encoded.</summary>
    /// <returns>A new <see cref="CloudWatchLogsEvent"/>.</returns>
    public CloudWatchLogsEvent Build()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(BuildData(), CloudWatchLogsJsonContext.Default.CloudWatchLogsData);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(json);
        }

        return new CloudWatchLogsEvent { AwsLogs = new CloudWatchLogsEventData { Data = Convert.ToBase64String(compressed.GetBuffer(), 0, (int)compressed.Length) } };
    }

    /// <summary>Builds the event and serializes it with <see cref="CloudWatchLogsJsonContext"/>.</summary>
    /// <returns>The event as UTF-8 JSON, ready for <c>LambdaTestHost.InvokeAsync</c>.</returns>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Build(), CloudWatchLogsJsonContext.Default.CloudWatchLogsEvent);
}
