namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>POST /2018-06-01/runtime/init/error</c>: the function could not start.</summary>
internal static class InitErrorRequest
{
    public static HttpRequestMessage Create(Uri baseAddress, FunctionError error) =>
        ErrorPayload.CreateRequest(new Uri(baseAddress, "2018-06-01/runtime/init/error"), error);
}
