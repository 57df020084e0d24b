using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>What the batch processor logs, in one place so event ids stay unique.</summary>
internal static partial class BatchLog
{
    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Record {RecordId} failed")]
    public static partial void RecordFailed(ILogger logger, string recordId, Exception exception);

    [LoggerMessage(EventId = 101, Level = LogLevel.Error, Message = "The dead-letter sink failed for {Count} records; they are reported failed")]
    public static partial void DeadLetterFailed(ILogger logger, int count, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Error, Message = "A batch hook threw; processing goes on")]
    public static partial void HookFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Record {RecordId} was processed before ({IdempotencyKey}); acknowledged without handling it again")]
    public static partial void Duplicate(ILogger logger, string recordId, string idempotencyKey);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "The idempotency store failed to complete or release {IdempotencyKey}; the claim ends when its lease runs out")]
    public static partial void IdempotencyStoreFailed(ILogger logger, string idempotencyKey, Exception exception);
}
