using Lambda.Toolkit.Events.Authorizers;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>
/// REST (<c>TOKEN</c>, <c>REQUEST</c>) and WebSocket (<c>REQUEST</c>) authorizers: the answer is an IAM policy, and
/// the denial is the <c>Unauthorized</c> error (401). An event with a <c>methodArn</c> but another <c>type</c> is
/// taken too, to fail with a message naming the type it has.
/// </summary>
internal sealed class ApiGatewayAuthorizerContract(AuthorizerEventKind kind) : AuthorizerContract<ApiGatewayAuthorizerRequest, AuthorizerPolicy>
{
    public override bool Accepts(AuthorizerEventKind eventKind) => eventKind == kind || eventKind == AuthorizerEventKind.UnknownApiGatewayType;

    public override void Validate(ApiGatewayAuthorizerRequest request)
    {
        var expected = kind == AuthorizerEventKind.Token ? "TOKEN" : "REQUEST";
        if (request.Type != expected)
        {
            throw AuthorizerInput.Invalid(
                typeof(ApiGatewayAuthorizerRequest),
                "$.type",
                $"The API Gateway authorizer event's type is {AuthorizerInput.Describe(request.Type)}, not {expected}: MapTokenAuthorizer takes TOKEN events and MapRequestAuthorizer REQUEST events.");
        }

        AuthorizerInput.RequireArn(typeof(ApiGatewayAuthorizerRequest), request.MethodArn, "methodArn");
    }

    public override void Answer(InvocationContext invocation, ApiGatewayAuthorizerRequest request, AuthorizerPolicy result)
    {
        if (result.IsUnauthorized)
        {
            Deny(invocation, request);
            return;
        }

        invocation.Response.SetJson(result.ToResponse(), AuthorizersJsonContext.Default.ApiGatewayAuthorizerResponse);
    }

    public override void Deny(InvocationContext invocation, ApiGatewayAuthorizerRequest request) =>
        throw new LambdaFunctionException(AuthorizerErrors.Unauthorized, AuthorizerErrors.Unauthorized);
}
