namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>POST /2018-06-01/runtime/invocation/{requestId}/response</c>: the invocation's result.</summary>
internal static class InvocationResponseRequest
{
    public static HttpRequestMessage Create(Uri baseAddress, string requestId, ReadOnlyMemory<byte> body) =>
        new(HttpMethod.Post, new Uri(baseAddress, $"2018-06-01/runtime/invocation/{Uri.EscapeDataString(requestId)}/response"))
        {
            Content = new ReadOnlyMemoryContent(body),
        };
}
