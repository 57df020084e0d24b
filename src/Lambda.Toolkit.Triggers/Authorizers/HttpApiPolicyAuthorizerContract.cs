using Lambda.Toolkit.Events.Authorizers;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>
/// HTTP API authorizers with IAM policy responses: the answer is an IAM policy, and the denial (HTTP APIs have no
/// 401 form for an authorizer's error) is a policy that denies the route's ARN, so the caller gets 403.
/// </summary>
internal sealed class HttpApiPolicyAuthorizerContract : AuthorizerContract<HttpApiAuthorizerRequest, AuthorizerPolicy>
{
    public override bool Accepts(AuthorizerEventKind kind) => kind == AuthorizerEventKind.HttpApi;

    public override void Validate(HttpApiAuthorizerRequest request) =>
        AuthorizerInput.RequireArn(typeof(HttpApiAuthorizerRequest), request.RouteArn, "routeArn");

    public override void Answer(InvocationContext invocation, HttpApiAuthorizerRequest request, AuthorizerPolicy result)
    {
        if (result.IsUnauthorized)
        {
            Deny(invocation, request);
            return;
        }

        invocation.Response.SetJson(result.ToResponse(), AuthorizersJsonContext.Default.ApiGatewayAuthorizerResponse);
    }

    public override void Deny(InvocationContext invocation, HttpApiAuthorizerRequest request) =>
        invocation.Response.SetJson(AuthorizerPolicy.DenyResponse(request.RouteArn!), AuthorizersJsonContext.Default.ApiGatewayAuthorizerResponse);
}
