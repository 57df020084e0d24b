namespace Lambda.Toolkit.Emulator;

/// <summary>A function process could not be built or started.</summary>
public sealed class FunctionProcessException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FunctionProcessException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public FunctionProcessException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public FunctionProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
