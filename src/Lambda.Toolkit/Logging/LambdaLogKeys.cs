namespace Lambda.Toolkit.Logging;

/// <summary>
/// The keys of a JSON log line. The standard keys are written by the logger itself and are reserved: a scope or a
/// message property with one of these names is ignored, so no line can lie about its own level or request. The
/// context keys are written by the adapters as log scopes (<see cref="Microsoft.Extensions.Logging.ILogger.BeginScope{TState}(TState)"/>)
/// and are ordinary keys: a user scope or message property may set them too.
/// </summary>
public static class LambdaLogKeys
{
    /// <summary>When the line was written, UTC, ISO 8601 with milliseconds (standard, reserved).</summary>
    public const string Timestamp = "timestamp";

    /// <summary>The level: <c>TRACE</c>, <c>DEBUG</c>, <c>INFO</c>, <c>WARN</c>, <c>ERROR</c> or <c>FATAL</c> (standard, reserved).</summary>
    public const string Level = "level";

    /// <summary>The formatted message (standard, reserved).</summary>
    public const string Message = "message";

    /// <summary>The invocation's request id; absent outside an invocation (standard, reserved).</summary>
    public const string RequestId = "requestId";

    /// <summary>The X-Ray trace id: the <c>Root</c> of the invocation's trace header; absent when there is none (standard, reserved).</summary>
    public const string TraceId = "traceId";

    /// <summary>The function's name (standard, reserved).</summary>
    public const string FunctionName = "functionName";

    /// <summary>The function's version (standard, reserved).</summary>
    public const string FunctionVersion = "functionVersion";

    /// <summary>Whether the invocation is the execution environment's first (see <see cref="InvocationContext.IsColdStart"/>); absent outside an invocation (standard, reserved).</summary>
    public const string ColdStart = "coldStart";

    /// <summary>The logger's category (standard, reserved).</summary>
    public const string Category = "category";

    /// <summary>The <see cref="Microsoft.Extensions.Logging.EventId"/> of the entry, when it is not 0 (standard, reserved).</summary>
    public const string LogEventId = "logEventId";

    /// <summary>The exception's type, full name (standard, reserved).</summary>
    public const string ErrorType = "errorType";

    /// <summary>The exception's message (standard, reserved).</summary>
    public const string ErrorMessage = "errorMessage";

    /// <summary>The exception's stack trace, an array of frames (standard, reserved).</summary>
    public const string StackTrace = "stackTrace";

    /// <summary>The key under which a scope that is not a list of key/value pairs (a string, a number, any object) is written.</summary>
    public const string Scope = "scope";

    /// <summary>The correlation id the adapters take from the event: HTTP <c>x-correlation-id</c> header or API Gateway request id, SQS message attribute, EventBridge event id.</summary>
    public const string CorrelationId = "correlationId";

    /// <summary>The name of the HTTP header and SQS message attribute that carry a correlation id: <c>x-correlation-id</c>.</summary>
    public const string CorrelationIdHeader = "x-correlation-id";

    /// <summary>The SQS message id of the record being handled (SQS adapter).</summary>
    public const string MessageId = "messageId";

    /// <summary>The FIFO message group id of the record being handled (SQS adapter, FIFO queues).</summary>
    public const string MessageGroupId = "messageGroupId";

    /// <summary>The stream record's event id (Kinesis and DynamoDB Streams adapters).</summary>
    public const string EventId = "eventId";

    /// <summary>The Kinesis shard the record came from (Kinesis adapter; read from the record's event id).</summary>
    public const string ShardId = "shardId";

    /// <summary>The HTTP method of the request (HTTP adapter).</summary>
    public const string HttpMethod = "httpMethod";

    /// <summary>The matched route's template, for example <c>/orders/{id}</c>, never the raw path (HTTP adapter).</summary>
    public const string Route = "route";

    /// <summary>Whether <paramref name="key"/> is one of the standard keys the logger writes itself.</summary>
    /// <param name="key">A key.</param>
    /// <returns><see langword="true"/> for a reserved key.</returns>
    public static bool IsReserved(string key) => key is Timestamp or Level or Message or RequestId or TraceId or FunctionName
        or FunctionVersion or ColdStart or Category or LogEventId or ErrorType or ErrorMessage or StackTrace;
}
