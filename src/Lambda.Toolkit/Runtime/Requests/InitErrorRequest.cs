using Lambda.Toolkit.Runtime.Http;

namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>POST /2018-06-01/runtime/init/error</c>: the function could not start.</summary>
internal static class InitErrorRequest
{
    public static RuntimeApiRequest Create(FunctionError error) => ErrorPayload.CreateRequest("init/error", null, null, error);
}
