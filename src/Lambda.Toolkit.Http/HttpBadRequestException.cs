namespace Lambda.Toolkit.Http;

/// <summary>
/// The request is malformed (a body that is not valid JSON or not of the expected shape, a body flagged
/// base64 that is not). The adapter answers 400 with an <c>application/problem+json</c> body carrying
/// <see cref="Exception.Message"/>, which never contains the payload. It is the HTTP form of the toolkit's
/// bad-input type, <see cref="InvalidEventException"/>.
/// </summary>
public sealed class HttpBadRequestException : InvalidEventException
{
    /// <summary>Creates the exception.</summary>
    public HttpBadRequestException()
        : this("The request is malformed.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the request, safe to show the caller.</param>
    public HttpBadRequestException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong with the request, safe to show the caller.</param>
    /// <param name="innerException">The cause.</param>
    public HttpBadRequestException(string message, Exception? innerException)
        : base(LambdaErrorTypes.InvalidEvent, typeof(HttpRequest), message, innerException)
    {
    }
}
