using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lambda.Toolkit.Testing;

/// <summary>
/// What the Runtime API would have received for one invocation: the response body, or the error body
/// and error-type header.
/// </summary>
public sealed class TestInvocationResult
{
    internal TestInvocationResult(string requestId, byte[] response, FunctionError? error, byte[]? errorPayload)
    {
        RequestId = requestId;
        Response = response;
        Error = error;
        ErrorPayload = errorPayload;
    }

    /// <summary>The invocation's request id.</summary>
    public string RequestId { get; }

    /// <summary>Whether the function answered with a response rather than an error.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The response body (empty after an error).</summary>
    public ReadOnlyMemory<byte> Response { get; }

    /// <summary>The response body as UTF-8 text.</summary>
    public string ResponseText => Encoding.UTF8.GetString(Response.Span);

    /// <summary>The error, or <see langword="null"/> on success.</summary>
    public FunctionError? Error { get; }

    /// <summary>The exact JSON body that would be posted to the error endpoint, or <see langword="null"/> on success.</summary>
    public ReadOnlyMemory<byte>? ErrorPayload { get; }

    /// <summary>Reads the response as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="jsonTypeInfo">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The response.</returns>
    /// <exception cref="InvalidOperationException">The invocation failed.</exception>
    public T ReadResponse<T>(JsonTypeInfo<T> jsonTypeInfo)
    {
        if (Error is not null)
        {
            throw new InvalidOperationException($"The invocation failed with {Error.ErrorType}: {Error.ErrorMessage}");
        }

        return JsonSerializer.Deserialize(Response.Span, jsonTypeInfo)!;
    }
}
