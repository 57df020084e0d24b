namespace Lambda.Toolkit.Runtime;

/// <summary>The Runtime API could not be reached or answered in a way the runtime cannot recover from.</summary>
internal sealed class RuntimeApiException : Exception
{
    public RuntimeApiException()
    {
    }

    public RuntimeApiException(string message)
        : base(message)
    {
    }

    public RuntimeApiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
