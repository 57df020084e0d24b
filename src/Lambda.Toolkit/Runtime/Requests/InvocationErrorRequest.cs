using Lambda.Toolkit.Runtime.Http;

namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>POST /2018-06-01/runtime/invocation/{requestId}/error</c>: the invocation failed.</summary>
internal static class InvocationErrorRequest
{
    public static RuntimeApiRequest Create(string requestId, FunctionError error) =>
        ErrorPayload.CreateRequest("invocation/", requestId, "/error", error);
}
