using Lambda.Toolkit.Runtime.Http;

namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>GET /2018-06-01/runtime/invocation/next</c>: waits for the next event.</summary>
internal static class NextInvocationRequest
{
    public static RuntimeApiRequest Create() => new(isPost: false, "invocation/next");
}
