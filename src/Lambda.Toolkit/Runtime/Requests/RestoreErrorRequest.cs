namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>POST /2018-06-01/runtime/restore/error</c>: an after-restore hook failed.</summary>
internal static class RestoreErrorRequest
{
    public static HttpRequestMessage Create(Uri baseAddress, FunctionError error) =>
        ErrorPayload.CreateRequest(new Uri(baseAddress, "2018-06-01/runtime/restore/error"), error);
}
