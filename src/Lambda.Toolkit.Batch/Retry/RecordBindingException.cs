namespace Lambda.Toolkit.Batch.Retry;

/// <summary>
/// A record's payload could not be read as the handler's type: a permanent failure of that record only,
/// never retried. The record-level counterpart of <see cref="InvalidEventException"/>, reported with
/// <see cref="BatchErrorTypes.InvalidRecord"/>.
/// </summary>
public sealed class RecordBindingException : InvalidEventException
{
    private const string DefaultMessage = "The record's payload could not be read.";

    /// <summary>Creates the exception; <see cref="InvalidEventException.EventType"/> is <see cref="object"/>.</summary>
    public RecordBindingException()
        : base(BatchErrorTypes.InvalidRecord, typeof(object), DefaultMessage)
    {
    }

    /// <summary>Creates the exception; <see cref="InvalidEventException.EventType"/> is <see cref="object"/>.</summary>
    /// <param name="message">What is wrong with the payload (never the payload itself).</param>
    public RecordBindingException(string message)
        : base(BatchErrorTypes.InvalidRecord, typeof(object), message)
    {
    }

    /// <summary>Creates the exception; <see cref="InvalidEventException.EventType"/> is <see cref="object"/>.</summary>
    /// <param name="message">What is wrong with the payload (never the payload itself).</param>
    /// <param name="innerException">The deserializer's exception.</param>
    public RecordBindingException(string message, Exception? innerException)
        : base(BatchErrorTypes.InvalidRecord, typeof(object), message, innerException)
    {
    }

    /// <summary>Creates the exception for a payload read as <paramref name="payloadType"/>.</summary>
    /// <param name="payloadType">The type the payload was read as; becomes <see cref="InvalidEventException.EventType"/>.</param>
    /// <param name="message">What is wrong with the payload (never the payload itself).</param>
    /// <param name="innerException">The deserializer's exception, if any.</param>
    public RecordBindingException(Type payloadType, string message, Exception? innerException = null)
        : base(BatchErrorTypes.InvalidRecord, payloadType, message, innerException)
    {
    }
}
