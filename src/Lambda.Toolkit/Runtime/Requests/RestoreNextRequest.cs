using Lambda.Toolkit.Runtime.Http;

namespace Lambda.Toolkit.Runtime.Requests;

/// <summary><c>GET /2018-06-01/runtime/restore/next</c>: SnapStart takes the snapshot while this waits, and it returns after a restore.</summary>
internal static class RestoreNextRequest
{
    public static RuntimeApiRequest Create() => new(isPost: false, "restore/next");
}
