namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>POST /2018-06-01/runtime/invocation/{requestId}/error</c>: the invocation failed.</summary>
internal static class InvocationErrorRequest
{
    public static HttpRequestMessage Create(Uri baseAddress, string requestId, FunctionError error) =>
        ErrorPayload.CreateRequest(new Uri(baseAddress, $"2018-06-01/runtime/invocation/{Uri.EscapeDataString(requestId)}/error"), error);
}
