using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Testing.Events;
using Lambda.Toolkit.Triggers.Authorizers;

namespace PlatformHooks.Tests;

public class OrdersAuthorizerTests
{
    private const string Api = "arn:aws:execute-api:eu-west-1:123456789012:k3x9w2q7ab/prod";

    private static ApiGatewayAuthorizerResponse Policy(Lambda.Toolkit.Testing.TestInvocationResult result)
    {
        Assert.True(result.IsSuccess, result.Error?.ErrorType + ": " + result.Error?.ErrorMessage);
        return result.ReadResponse(LambdaEventsJsonContext.Default.ApiGatewayAuthorizerResponse);
    }

    private static string[] Resources(ApiGatewayAuthorizerResponse policy, string effect) =>
        [.. policy.PolicyDocument!.Statement!.Where(s => s.Effect == effect).SelectMany(s => s.Resource!)];

    [Fact]
    public async Task The_bundled_token_is_allowed_to_read_orders_and_nothing_else()
    {
        await using var function = await Function.StartAsync();

        var policy = Policy(await function.InvokeFileAsync("token-authorizer.json"));

        Assert.Equal("orders-app", policy.PrincipalId);
        Assert.Equal("2012-10-17", policy.PolicyDocument!.Version);
        var statement = Assert.Single(policy.PolicyDocument.Statement!);
        Assert.Equal("Allow", statement.Effect);
        Assert.Equal(["execute-api:Invoke"], statement.Action!);
        Assert.Equal([Api + "/GET/orders/*"], statement.Resource!);
        Assert.Equal("orders-app", policy.Context!["client"].ToString());
    }

    [Fact]
    public async Task The_bundled_denied_call_gets_an_explicit_deny_of_itself_beside_what_the_key_may_do()
    {
        await using var function = await Function.StartAsync();

        var policy = Policy(await function.InvokeFileAsync("token-authorizer-denied.json"));

        Assert.Equal("orders-app", policy.PrincipalId);
        Assert.Equal([Api + "/GET/orders/*"], Resources(policy, "Allow"));
        Assert.Equal([Api + "/DELETE/orders/o-1001"], Resources(policy, "Deny"));
    }

    [Theory]
    [InlineData("GET", "/orders/o-1", true)]
    [InlineData("GET", "/orders/o-1/lines", true)]
    [InlineData("GET", "/orders", false)]
    [InlineData("GET", "/customers/c-1", false)]
    [InlineData("POST", "/orders/o-1", false)]
    [InlineData("DELETE", "/orders/o-1", false)]
    public async Task A_known_key_reads_orders_only(string verb, string path, bool allowed)
    {
        await using var function = await Function.StartAsync();
        var request = AuthorizerRequestEventBuilder.Token("Bearer reporting-demo-Hq83nZ2kT0", verb, path);

        var policy = Policy(await function.Host.InvokeAsync(request.ToJson()));

        Assert.Equal("reporting", policy.PrincipalId);
        var answer = new AuthorizerPolicyEvaluation(policy);
        Assert.Equal(allowed, answer.Allows(request.MethodArn));
    }

    [Theory]
    [InlineData("Bearer orders-app-demo-7Qm2xV9pL5")]   // one character off
    [InlineData("Bearer orders-app-demo-7Qm2xV9pL")]    // a prefix of a key
    [InlineData("orders-app")]                           // a client's name is not its key
    [InlineData("")]
    public async Task An_unknown_or_missing_key_is_answered_Unauthorized(string token)
    {
        await using var function = await Function.StartAsync();

        var result = await function.Host.InvokeAsync(AuthorizerRequestEventBuilder.Token(token, "GET", "/orders/o-1").ToJson());

        Assert.False(result.IsSuccess);
        Assert.Equal(AuthorizerErrors.Unauthorized, result.Error!.ErrorType);
        Assert.Equal("Unauthorized", result.Error.ErrorMessage);
        Assert.DoesNotContain("7Qm2xV9pL", function.Log, StringComparison.Ordinal);   // tokens are never logged
    }

    [Fact]
    public async Task With_no_keys_configured_every_call_is_Unauthorized()
    {
        await using var function = await Function.StartAsync("--Unrelated=1");

        var result = await function.InvokeFileAsync("token-authorizer.json");

        Assert.Equal(AuthorizerErrors.Unauthorized, result.Error?.ErrorType);
    }

    [Theory]
    [InlineData("orders-app")]
    [InlineData("orders-app=short")]
    [InlineData("=orders-app-demo-7Qm2xV9pL4")]
    public async Task A_malformed_key_fails_init_without_showing_it(string keys)
    {
        var app = PlatformHooksFunction.Build(["--PlatformHooks:ApiKeys=" + keys]);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Lambda.Toolkit.Testing.LambdaTestHost.StartAsync(app));

        Assert.Contains("PlatformHooks:ApiKeys: entry 1 is not client=token", failure.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("7Qm2xV9pL4", failure.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Evaluates a response as API Gateway does: a matching deny wins, then a matching allow, else denied.</summary>
    private sealed class AuthorizerPolicyEvaluation(ApiGatewayAuthorizerResponse response)
    {
        public bool Allows(string methodArn)
        {
            var statements = response.PolicyDocument!.Statement!;
            if (statements.Any(s => s.Effect == "Deny" && s.Resource!.Any(r => Matches(r, methodArn))))
            {
                return false;
            }

            return statements.Any(s => s.Effect == "Allow" && s.Resource!.Any(r => Matches(r, methodArn)));
        }

        private static bool Matches(string pattern, string arn) =>
            System.Text.RegularExpressions.Regex.IsMatch(arn, "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$");
    }
}
