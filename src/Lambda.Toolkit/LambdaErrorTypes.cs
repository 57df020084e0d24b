namespace Lambda.Toolkit;

/// <summary>The <c>errorType</c> values the toolkit itself reports. They are stable: match on them.</summary>
public static class LambdaErrorTypes
{
    /// <summary>The event is not valid JSON, or not of the handler's event type.</summary>
    public const string InvalidEvent = "Lambda.Toolkit.InvalidEvent";

    /// <summary>The handler did not finish before the deadline (after its token was cancelled).</summary>
    public const string Timeout = "Lambda.Toolkit.Timeout";

    /// <summary>The response is larger than Lambda accepts (see <see cref="LambdaRuntimeOptions.MaxResponseSize"/>).</summary>
    public const string ResponseTooLarge = "Lambda.Toolkit.ResponseTooLarge";

    /// <summary>No handler is mapped for the event.</summary>
    public const string NoHandler = "Lambda.Toolkit.NoHandler";

    /// <summary>The function failed while starting (services, options, startup hooks).</summary>
    public const string InitFailed = "Lambda.Toolkit.InitFailed";
}
