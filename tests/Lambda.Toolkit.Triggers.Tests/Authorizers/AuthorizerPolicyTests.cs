using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Triggers.Authorizers;

namespace Lambda.Toolkit.Triggers.Tests.Authorizers;

public class AuthorizerPolicyTests
{
    private const string Arn = "arn:aws:execute-api:eu-west-1:111122223333:api1/prod/GET/orders/12";

    private static AuthorizerPolicy Policy() => AuthorizerPolicy.For(MethodArn.Parse(Arn), "user-1");

    [Fact]
    public void A_method_ARN_splits_into_region_account_api_stage_verb_and_path()
    {
        var arn = MethodArn.Parse(Arn);

        Assert.Equal(("aws", "eu-west-1", "111122223333", "api1", "prod", "GET", "orders/12"), (arn.Partition, arn.Region, arn.AccountId, arn.ApiId, arn.Stage, arn.Verb, arn.ResourcePath));
        Assert.Equal("arn:aws:execute-api:eu-west-1:111122223333:api1/prod/POST/orders/*", arn.ForMethod("post", "/orders/*"));
        Assert.Equal("arn:aws:execute-api:eu-west-1:111122223333:api1/prod/GET/", arn.ForMethod("GET", "/"));
    }

    [Fact]
    public void A_WebSocket_connect_ARN_has_the_route_key_and_no_path()
    {
        var arn = MethodArn.Parse("arn:aws:execute-api:us-east-1:123456789012:ws1/dev/$connect");

        Assert.Equal(("$connect", ""), (arn.Verb, arn.ResourcePath));
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:ws1/dev/$connect", arn.ForMethod("$connect", ""));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("arn:aws:lambda:us-east-1:1:function:f")]
    [InlineData("arn:aws:execute-api:us-east-1:1:api")]
    [InlineData("arn:aws:execute-api::1:api/stage/GET/")]
    [InlineData("not an arn")]
    public void What_is_not_an_execute_api_ARN_does_not_parse(string? value)
    {
        Assert.False(MethodArn.TryParse(value, out _));
        if (value is not null)
        {
            Assert.Contains(value, Assert.Throws<FormatException>(() => MethodArn.Parse(value)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_deny_wins_over_any_allow_and_nothing_is_allowed_by_default()
    {
        var policy = Policy().AllowMethod("*", "*").DenyMethod("DELETE", "/orders/*");
        var arn = MethodArn.Parse(Arn);

        Assert.True(policy.Allows(Arn));
        Assert.True(policy.Allows(arn.ForMethod("POST", "/anything/deep")));
        Assert.False(policy.Allows(arn.ForMethod("DELETE", "/orders/12")));
        Assert.True(policy.Allows(arn.ForMethod("DELETE", "/users/1")));
        Assert.False(Policy().Allows(Arn));
        Assert.False(policy.Allows("arn:aws:execute-api:eu-west-1:111122223333:api2/prod/GET/orders/12"));
    }

    [Theory]
    [InlineData("a*c", "abbbc", true)]
    [InlineData("a*c", "ab/bc", true)]
    [InlineData("a?c", "abc", true)]
    [InlineData("a?c", "ac", false)]
    [InlineData("*", "", true)]
    [InlineData("GET/orders", "GET/Orders", false)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    public void Wildcards_match_as_IAM_matches_them(string pattern, string text, bool matches) =>
        Assert.Equal(matches, AuthorizerPolicy.WildcardMatch(pattern, text));

    [Fact]
    public void The_response_has_the_exact_policy_document_shape()
    {
        var response = Policy().AllowRequest().WithContext("ratio", 0.5).WithContext("big", 10_000_000_000L).WithContext("price", 9.90m).ToResponse();

        Assert.Equal(
            """{"principalId":"user-1","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":["arn:aws:execute-api:eu-west-1:111122223333:api1/prod/GET/orders/12"]}]},"context":{"ratio":0.5,"big":10000000000,"price":9.90}}""",
            System.Text.Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(response, LambdaEventsJsonContext.Default.ApiGatewayAuthorizerResponse)));
    }

    [Fact]
    public void A_principal_id_is_required_and_an_unauthorized_answer_takes_nothing()
    {
        Assert.Throws<ArgumentException>(() => AuthorizerPolicy.For(MethodArn.Parse(Arn), " "));
        Assert.Throws<ArgumentException>(() => AuthorizerPolicy.For(new ApiGatewayAuthorizerRequest { Type = "TOKEN" }, "u"));
        var unauthorized = AuthorizerPolicy.Unauthorized();
        Assert.True(unauthorized.IsUnauthorized);
        Assert.False(unauthorized.Allows(Arn));
        Assert.Throws<InvalidOperationException>(() => unauthorized.AllowMethod("*", "*"));
        Assert.Throws<InvalidOperationException>(() => unauthorized.WithContext("a", 1));
        Assert.Throws<InvalidOperationException>(() => unauthorized.ToResponse());
    }

    [Fact]
    public void Bad_verbs_paths_and_numbers_are_refused_where_they_are_written()
    {
        var policy = Policy();

        Assert.Throws<ArgumentException>(() => policy.AllowMethod("GET/x", "/a"));
        Assert.Throws<ArgumentException>(() => policy.AllowMethod("GET", "/a b"));
        Assert.Throws<ArgumentOutOfRangeException>(() => policy.WithContext("n", double.NaN));
        Assert.Empty(policy.AllowedResources);
    }
}
