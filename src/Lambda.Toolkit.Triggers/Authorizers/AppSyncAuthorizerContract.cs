using Lambda.Toolkit.Events.AppSync;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>
/// AppSync Lambda authorizers: the answer is the handler's <see cref="AppSyncAuthorizerResponse"/>; the denial is
/// <c>{"isAuthorized":false,"ttlOverride":0}</c>, uncached, so a passing failure does not lock the token out for the cache's TTL.
/// </summary>
internal sealed class AppSyncAuthorizerContract : AuthorizerContract<AppSyncAuthorizerRequest, AppSyncAuthorizerResponse>
{
    private static readonly byte[] Denial = """{"isAuthorized":false,"ttlOverride":0}"""u8.ToArray();

    public override bool Accepts(AuthorizerEventKind kind) => kind == AuthorizerEventKind.AppSync;

    public override void Validate(AppSyncAuthorizerRequest request)
    {
    }

    public override string? Check(AppSyncAuthorizerRequest request, AppSyncAuthorizerResponse result) =>
        result.TtlOverride is < 0 or > 3600 ? $"ttlOverride is {result.TtlOverride}; AppSync accepts 0 to 3600 seconds" : null;

    public override void Answer(InvocationContext invocation, AppSyncAuthorizerRequest request, AppSyncAuthorizerResponse result) =>
        invocation.Response.SetJson(result, AppSyncJsonContext.Default.AppSyncAuthorizerResponse);

    public override void Deny(InvocationContext invocation, AppSyncAuthorizerRequest request) => invocation.Response.SetBody(Denial);
}
