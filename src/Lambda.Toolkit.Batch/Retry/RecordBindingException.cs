namespace Lambda.Toolkit.Batch.Retry;

/// <summary>A record's payload could not be read as the handler's type: a permanent failure of that record only.</summary>
public sealed class RecordBindingException : PermanentFailureException
{
    /// <summary>Creates the exception.</summary>
    public RecordBindingException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the payload (never the payload itself).</param>
    public RecordBindingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the payload (never the payload itself).</param>
    /// <param name="innerException">The deserializer's exception.</param>
    public RecordBindingException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
