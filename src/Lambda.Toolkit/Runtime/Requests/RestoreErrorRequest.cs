using Lambda.Toolkit.Runtime.Http;

namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>POST /2018-06-01/runtime/restore/error</c>: an after-restore hook failed.</summary>
internal static class RestoreErrorRequest
{
    public static RuntimeApiRequest Create(FunctionError error) => ErrorPayload.CreateRequest("restore/error", null, null, error);
}
