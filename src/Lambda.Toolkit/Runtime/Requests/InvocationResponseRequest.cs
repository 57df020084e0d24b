using Lambda.Toolkit.Runtime.Http;

namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>POST /2018-06-01/runtime/invocation/{requestId}/response</c>: the invocation's result.</summary>
internal static class InvocationResponseRequest
{
    public static RuntimeApiRequest Create(string requestId, ReadOnlyMemory<byte> body) =>
        new(isPost: true, "invocation/", requestId, "/response", body);
}
