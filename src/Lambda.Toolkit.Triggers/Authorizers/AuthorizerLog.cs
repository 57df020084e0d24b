using Microsoft.Extensions.Logging;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>The authorizer adapters' log messages.</summary>
internal static partial class AuthorizerLog
{
    [LoggerMessage(EventId = 160, Level = LogLevel.Warning, Message = "{Authorizer} authorizer handler failed; the caller is denied")]
    public static partial void HandlerFailed(ILogger logger, string authorizer, Exception exception);

    [LoggerMessage(EventId = 161, Level = LogLevel.Warning, Message = "{Authorizer} authorizer handler did not answer before the invocation's deadline; the caller is denied")]
    public static partial void DeadlineReached(ILogger logger, string authorizer);

    [LoggerMessage(EventId = 162, Level = LogLevel.Warning, Message = "{Authorizer} authorizer handler returned null; the caller is denied")]
    public static partial void NullResult(ILogger logger, string authorizer);

    [LoggerMessage(EventId = 163, Level = LogLevel.Warning, Message = "{Authorizer} authorizer answer is invalid ({Reason}); the caller is denied")]
    public static partial void InvalidAnswer(ILogger logger, string authorizer, string reason);
}
