using System.Text;

namespace Lambda.Toolkit.Emulator;

/// <summary>What the emulator received for one invocation.</summary>
public sealed class EmulatedInvocationResult
{
    internal EmulatedInvocationResult(
        string requestId,
        EmulatedInvocationStatus status,
        byte[] body,
        string? errorType,
        string? errorMessage,
        DateTimeOffset? dispatchedAt,
        DateTimeOffset completedAt)
    {
        RequestId = requestId;
        Status = status;
        Body = body;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
        DispatchedAt = dispatchedAt;
        CompletedAt = completedAt;
    }

    /// <summary>The invocation's request id.</summary>
    public string RequestId { get; }

    /// <summary>How the invocation ended.</summary>
    public EmulatedInvocationStatus Status { get; }

    /// <summary>Whether the function answered with a response.</summary>
    public bool IsSuccess => Status == EmulatedInvocationStatus.Success;

    /// <summary>The response body on success, or the error body the function posted.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary><see cref="Body"/> as UTF-8 text.</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The error type: the <c>Lambda-Runtime-Function-Error-Type</c> header, else the body's <c>errorType</c>.</summary>
    public string? ErrorType { get; }

    /// <summary>The error body's <c>errorMessage</c>.</summary>
    public string? ErrorMessage { get; }

    /// <summary>When <c>next</c> handed the event to the function; <see langword="null"/> if it never did.</summary>
    public DateTimeOffset? DispatchedAt { get; }

    /// <summary>When the invocation ended.</summary>
    public DateTimeOffset CompletedAt { get; }

    /// <summary>From dispatch to the end, as Lambda's REPORT line measures it.</summary>
    public TimeSpan Duration => DispatchedAt is { } start ? CompletedAt - start : TimeSpan.Zero;
}
