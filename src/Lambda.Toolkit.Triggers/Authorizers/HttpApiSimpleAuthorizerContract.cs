using Lambda.Toolkit.Events.Authorizers;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>HTTP API authorizers with simple responses: the answer is <c>{"isAuthorized":…,"context":{…}}</c>; the denial <c>{"isAuthorized":false}</c> (403).</summary>
internal sealed class HttpApiSimpleAuthorizerContract : AuthorizerContract<HttpApiAuthorizerRequest, HttpApiSimpleAuthorizerResponse>
{
    private static readonly byte[] Denial = """{"isAuthorized":false}"""u8.ToArray();

    public override bool Accepts(AuthorizerEventKind kind) => kind == AuthorizerEventKind.HttpApi;

    public override void Validate(HttpApiAuthorizerRequest request)
    {
        if (request.Version is not null && request.Version != "2.0")
        {
            throw AuthorizerInput.Invalid(
                typeof(HttpApiAuthorizerRequest),
                "$.version",
                $"The HTTP API authorizer event's payload format version is {AuthorizerInput.Describe(request.Version)}: MapHttpApiAuthorizer takes payload format 2.0.");
        }
    }

    public override void Answer(InvocationContext invocation, HttpApiAuthorizerRequest request, HttpApiSimpleAuthorizerResponse result) =>
        invocation.Response.SetJson(result, AuthorizersJsonContext.Default.HttpApiSimpleAuthorizerResponse);

    public override void Deny(InvocationContext invocation, HttpApiAuthorizerRequest request) => invocation.Response.SetBody(Denial);
}
