namespace Lambda.Toolkit.Emulator;

/// <summary>How an emulated invocation ended.</summary>
public enum EmulatedInvocationStatus
{
    /// <summary>The function posted a response.</summary>
    Success,

    /// <summary>The function posted an error, or its response was refused as too large.</summary>
    Error,

    /// <summary>The function did not answer before the deadline.</summary>
    Timeout,

    /// <summary>The function reported an init error instead of taking the event.</summary>
    InitError,
}
