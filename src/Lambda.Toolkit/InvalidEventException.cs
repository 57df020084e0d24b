namespace Lambda.Toolkit;

/// <summary>
/// The input is bad: the event (or a record or request inside it) could not be read as the type its handler
/// takes. It is the one base type for bad input across the toolkit: adapters derive their own from it. The
/// message names the type and the JSON path that failed; it never contains the payload itself. Reported with
/// <see cref="LambdaErrorTypes.InvalidEvent"/> unless a derived type says otherwise.
/// </summary>
public class InvalidEventException : LambdaFunctionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="eventType">The type the event was read as.</param>
    /// <param name="message">What is wrong with the event.</param>
    /// <param name="innerException">The deserializer's exception, if any.</param>
    public InvalidEventException(Type eventType, string message, Exception? innerException = null)
        : this(LambdaErrorTypes.InvalidEvent, eventType, message, innerException)
    {
    }

    /// <summary>Creates the exception with an error type of a derived kind of bad input.</summary>
    /// <param name="errorType">The stable <c>errorType</c> to report.</param>
    /// <param name="eventType">The type the input was read as.</param>
    /// <param name="message">What is wrong with the input.</param>
    /// <param name="innerException">The deserializer's exception, if any.</param>
    protected InvalidEventException(string errorType, Type eventType, string message, Exception? innerException = null)
        : base(errorType, message, innerException)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        EventType = eventType;
    }

    /// <summary>The type the event was read as.</summary>
    public Type EventType { get; }

    /// <summary>The JSON path that failed (<c>$</c> for the whole payload), or <see langword="null"/> when the failure is not about a path.</summary>
    public string? JsonPath { get; init; }
}
