namespace Lambda.Toolkit;

/// <summary>
/// The event could not be read as the handler's event type: it is not valid JSON or has the wrong
/// shape. Reported with <see cref="LambdaErrorTypes.InvalidEvent"/>. The message names the type and
/// the JSON path that failed; it never contains the payload itself.
/// </summary>
public class InvalidEventException : LambdaFunctionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="eventType">The type the event was read as.</param>
    /// <param name="message">What is wrong with the event.</param>
    /// <param name="innerException">The deserializer's exception, if any.</param>
    public InvalidEventException(Type eventType, string message, Exception? innerException = null)
        : base(LambdaErrorTypes.InvalidEvent, message, innerException)
    {
        EventType = eventType;
    }

    /// <summary>Creates the exception with an error type of its own, for inputs a derived type knows more about.</summary>
    /// <param name="errorType">The <c>errorType</c> reported to Lambda.</param>
    /// <param name="eventType">The type the event (or the part of it that failed) was read as.</param>
    /// <param name="message">What is wrong with the event.</param>
    /// <param name="innerException">The deserializer's exception, if any.</param>
    protected InvalidEventException(string errorType, Type eventType, string message, Exception? innerException = null)
        : base(errorType, message, innerException)
    {
        EventType = eventType;
    }

    /// <summary>The type the event was read as.</summary>
    public Type EventType { get; }
}
