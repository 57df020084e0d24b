using Lambda.Toolkit.Shared;

namespace Lambda.Toolkit.Events;

/// <summary>
/// A payload is not the event it was read as: not JSON, the wrong shape, or missing a field AWS always
/// sends. The message names the event type and the JSON path that failed; it never contains the payload.
/// </summary>
public sealed class EventDeserializationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public EventDeserializationException()
        : this(typeof(object), "$", "The event could not be read.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public EventDeserializationException(string message)
        : this(typeof(object), "$", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public EventDeserializationException(string message, Exception innerException)
        : this(typeof(object), "$", message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="eventType">The type the payload was read as.</param>
    /// <param name="jsonPath">The JSON path that failed, <c>$</c> for the whole payload.</param>
    /// <param name="reason">What is wrong there.</param>
    /// <param name="innerException">The serializer's exception, if any.</param>
    public EventDeserializationException(Type eventType, string jsonPath, string reason, Exception? innerException = null)
        : base($"The payload is not a valid {(eventType is null ? null : JsonPayloadReader.DisplayName(eventType))} at {jsonPath}: {reason}", innerException)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        EventType = eventType;
        JsonPath = jsonPath;
        Reason = reason;
    }

    /// <summary>The type the payload was read as.</summary>
    public Type EventType { get; }

    /// <summary>The JSON path that failed, <c>$</c> for the whole payload.</summary>
    public string JsonPath { get; }

    /// <summary>What is wrong at <see cref="JsonPath"/>.</summary>
    public string Reason { get; }
}
