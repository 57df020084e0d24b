namespace Lambda.Toolkit.Http;

/// <summary>
/// The request is malformed (a body that is not valid JSON or not of the expected shape, a body flagged
/// base64 that is not). The adapter answers 400 with an <c>application/problem+json</c> body carrying
/// <see cref="Exception.Message"/>, which never contains the payload.
/// </summary>
public sealed class HttpBadRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public HttpBadRequestException()
        : base("The request is malformed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the request, safe to show the caller.</param>
    public HttpBadRequestException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the request, safe to show the caller.</param>
    /// <param name="innerException">The cause.</param>
    public HttpBadRequestException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
