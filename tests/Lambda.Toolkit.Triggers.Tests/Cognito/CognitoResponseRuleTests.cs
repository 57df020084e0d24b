using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events.Cognito;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Triggers.Cognito;
using Lambda.Toolkit.Triggers.Tests.Authorizers;

namespace Lambda.Toolkit.Triggers.Tests.Cognito;

/// <summary>A response the trigger does not accept fails the invocation, naming the field and the rule, before Cognito sees it.</summary>
public class CognitoResponseRuleTests
{
    private static string Sample(string file, string triggerSource, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(AuthorizerSupport.ReadSample("cognito", file))!.AsObject();
        node["triggerSource"] = triggerSource;
        node["response"] = new JsonObject();
        change?.Invoke(node);
        return node.ToJsonString();
    }

    private static async Task<TestInvocationResult> RunAsync(Action<CognitoTriggerBuilder> configure, string payload)
    {
        var app = AuthorizerSupport.App();
        app.MapCognito(configure);
        await using var host = await LambdaTestHost.StartAsync(app);
        return await host.InvokeAsync(payload);
    }

    private static void AssertRefused(TestInvocationResult result, params string[] expected)
    {
        Assert.Equal(CognitoErrorTypes.InvalidResponse, result.Error?.ErrorType);
        foreach (var text in expected)
        {
            Assert.Contains(text, result.Error!.ErrorMessage, StringComparison.Ordinal);
        }
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    // Pre sign-up

    [Fact]
    public async Task The_AWS_pre_sign_up_sample_response_is_refused_autoVerifyEmail_needs_an_email_attribute()
    {
        var payload = JsonNode.Parse(AuthorizerSupport.ReadSample("cognito", "cognito-presignup-event.json"))!.AsObject();
        payload["triggerSource"] = "PreSignUp_SignUp";

        var result = await RunAsync(c => c.OnPreSignUp((_, _, _) => ValueTask.CompletedTask), payload.ToJsonString());

        AssertRefused(result, "PreSignUp_SignUp", "response.autoVerifyEmail", "no email");
    }

    [Fact]
    public async Task AutoVerifyPhone_needs_a_phone_number_attribute_and_passes_with_one()
    {
        static ValueTask Verify(CognitoPreSignUpEvent e, InvocationContext _, CancellationToken __)
        {
            e.Response.AutoConfirmUser = true;
            e.Response.AutoVerifyPhone = true;
            return ValueTask.CompletedTask;
        }

        var without = await RunAsync(c => c.OnPreSignUp(Verify), Sample("cognito-presignup-event.json", "PreSignUp_AdminCreateUser"));
        var with = await RunAsync(c => c.OnPreSignUp(Verify), Sample("cognito-presignup-event.json", "PreSignUp_AdminCreateUser", n => n["request"]!["userAttributes"]!["phone_number"] = "+15555550100"));

        AssertRefused(without, "response.autoVerifyPhone", "phone_number");
        Assert.True(with.IsSuccess, with.Error?.ErrorMessage);
    }

    // Define auth challenge

    [Fact]
    public async Task The_AWS_define_auth_challenge_sample_response_is_refused_issueTokens_and_failAuthentication_both_true()
    {
        var payload = JsonNode.Parse(AuthorizerSupport.ReadSample("cognito", "cognito-defineauthchallenge-event.json"))!.AsObject();
        payload["triggerSource"] = "DefineAuthChallenge_Authentication";

        var result = await RunAsync(c => c.OnDefineAuthChallenge((_, _, _) => ValueTask.CompletedTask), payload.ToJsonString());

        AssertRefused(result, "response.issueTokens and response.failAuthentication are both true");
    }

    [Fact]
    public async Task A_define_auth_challenge_answer_that_neither_issues_fails_nor_names_a_challenge_is_refused()
    {
        var result = await RunAsync(
            c => c.OnDefineAuthChallenge((e, _, _) =>
            {
                e.Response.IssueTokens = false;
                e.Response.FailAuthentication = false;
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-defineauthchallenge-event.json", "DefineAuthChallenge_Authentication"));

        AssertRefused(result, "response.challengeName is empty");
    }

    [Fact]
    public async Task A_define_auth_challenge_answer_naming_the_next_challenge_is_sent()
    {
        var result = await RunAsync(
            c => c.OnDefineAuthChallenge((e, _, _) =>
            {
                e.Response.ChallengeName = "CUSTOM_CHALLENGE";
                e.Response.IssueTokens = false;
                e.Response.FailAuthentication = false;
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-defineauthchallenge-event.json", "DefineAuthChallenge_Authentication"));

        Assert.True(AuthorizerSupport.SameJson("""{"challengeName":"CUSTOM_CHALLENGE","issueTokens":false,"failAuthentication":false}""", JsonNode.Parse(AuthorizerSupport.Text(result))!["response"]!.ToJsonString()));
    }

    // Custom message

    [Fact]
    public async Task The_AWS_custom_message_sample_response_is_refused_the_sms_lacks_the_code_placeholder()
    {
        var payload = JsonNode.Parse(AuthorizerSupport.ReadSample("cognito", "cognito-custommessage-event.json"))!.AsObject();
        payload["triggerSource"] = "CustomMessage_SignUp";

        var result = await RunAsync(c => c.OnCustomMessage((_, _, _) => ValueTask.CompletedTask), payload.ToJsonString());

        AssertRefused(result, "response.smsMessage does not contain the request's codeParameter 'code'");
    }

    [Theory]
    [InlineData(141, 10, 10, "response.smsMessage has 141 characters; Cognito sends at most 140")]
    [InlineData(10, 20_001, 10, "response.emailMessage has 20001 characters")]
    [InlineData(10, 10, 141, "response.emailSubject has 141 characters; Cognito sends at most 140")]
    public async Task Custom_messages_over_Cognitos_limits_are_refused(int sms, int email, int subject, string expected)
    {
        var result = await RunAsync(
            c => c.OnCustomMessage((e, _, _) =>
            {
                e.Response.SmsMessage = "{####}" + new string('s', sms - 6);
                e.Response.EmailMessage = "{####}" + new string('e', email - 6);
                e.Response.EmailSubject = new string('t', subject);
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-custommessage-event.json", "CustomMessage_ResendCode", n => n["request"]!["codeParameter"] = "{####}"));

        AssertRefused(result, expected);
    }

    [Fact]
    public async Task Custom_messages_at_the_limits_with_the_code_are_sent()
    {
        var result = await RunAsync(
            c => c.OnCustomMessage((e, _, _) =>
            {
                e.Response.SmsMessage = "Code {####}" + new string('s', 140 - 11);
                e.Response.EmailMessage = "Your code is {####}" + new string('e', 20_000 - 19);
                e.Response.EmailSubject = new string('t', 140);
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-custommessage-event.json", "CustomMessage_ForgotPassword", n => n["request"]!["codeParameter"] = "{####}"));

        var response = JsonNode.Parse(AuthorizerSupport.Text(result))!["response"]!;
        Assert.Equal(140, response["smsMessage"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task An_email_without_the_code_is_refused_unless_it_carries_the_verification_link()
    {
        static ValueTask Link(CognitoCustomMessageEvent e, InvocationContext _, CancellationToken __)
        {
            e.Response.EmailMessage = "Click {##Verify##} to confirm.";
            return ValueTask.CompletedTask;
        }

        var withoutLink = await RunAsync(c => c.OnCustomMessage(Link), Sample("cognito-custommessage-event.json", "CustomMessage_SignUp", n => n["request"]!["codeParameter"] = "{####}"));
        var withLink = await RunAsync(c => c.OnCustomMessage(Link), Sample("cognito-custommessage-event.json", "CustomMessage_SignUp", n =>
        {
            n["request"]!["codeParameter"] = "{####}";
            n["request"]!["linkParameter"] = "{##Verify##}";
        }));

        AssertRefused(withoutLink, "response.emailMessage does not contain the request's codeParameter '{####}'");
        Assert.True(withLink.IsSuccess, withLink.Error?.ErrorMessage);
    }

    [Fact]
    public async Task An_invitation_must_carry_the_username_placeholder_too()
    {
        static ValueTask Invite(CognitoCustomMessageEvent e, InvocationContext _, CancellationToken __)
        {
            e.Response.EmailMessage = "Your temporary password is {####}";
            return ValueTask.CompletedTask;
        }

        var payload = Sample("cognito-custommessage-event.json", "CustomMessage_AdminCreateUser", n =>
        {
            n["request"]!["codeParameter"] = "{####}";
            n["request"]!["usernameParameter"] = "{username}";
        });

        var result = await RunAsync(c => c.OnCustomMessage(Invite), payload);

        AssertRefused(result, "CustomMessage_AdminCreateUser", "response.emailMessage does not contain the request's usernameParameter '{username}'");
    }

    // Pre token generation

    [Theory]
    [InlineData("sub")]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("exp")]
    [InlineData("token_use")]
    [InlineData("cognito:username")]
    public async Task A_version_1_answer_overriding_a_reserved_claim_is_refused(string claim)
    {
        var result = await RunAsync(
            c => c.OnPreTokenGeneration((e, _, _) =>
            {
                e.Response.ClaimsOverrideDetails = new() { ClaimsToAddOrOverride = new() { ["tenant"] = "acme", [claim] = "x" } };
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-pretokengeneration-event.json", "TokenGeneration_Authentication"));

        AssertRefused(result, $"response.claimsOverrideDetails.claimsToAddOrOverride names '{claim}'");
    }

    [Fact]
    public async Task A_version_1_answer_suppressing_a_reserved_claim_is_refused()
    {
        var result = await RunAsync(
            c => c.OnPreTokenGeneration((e, _, _) =>
            {
                e.Response.ClaimsOverrideDetails = new() { ClaimsToSuppress = ["email", "auth_time"] };
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-pretokengeneration-event.json", "TokenGeneration_RefreshTokens"));

        AssertRefused(result, "response.claimsOverrideDetails.claimsToSuppress names 'auth_time'");
    }

    [Fact]
    public async Task A_version_1_answer_suppressing_cognito_groups_and_adding_its_own_claims_is_sent()
    {
        var result = await RunAsync(
            c => c.OnPreTokenGeneration((e, _, _) =>
            {
                e.Response.ClaimsOverrideDetails = new() { ClaimsToAddOrOverride = new() { ["tenant"] = "acme" }, ClaimsToSuppress = ["cognito:groups", "email"] };
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-pretokengeneration-event.json", "TokenGeneration_Authentication"));

        Assert.True(AuthorizerSupport.SameJson(
            """{"claimsOverrideDetails":{"claimsToAddOrOverride":{"tenant":"acme"},"claimsToSuppress":["cognito:groups","email"]}}""",
            JsonNode.Parse(AuthorizerSupport.Text(result))!["response"]!.ToJsonString()));
    }

    [Fact]
    public async Task A_version_2_answer_changing_the_access_tokens_scope_claim_is_refused_pointing_to_scopesToAdd()
    {
        var result = await RunAsync(
            c => c.OnPreTokenGenerationV2((e, _, _) =>
            {
                e.Response.ClaimsAndScopeOverrideDetails = new() { AccessTokenGeneration = new() { ClaimsToAddOrOverride = new() { ["scope"] = Json("\"admin\"") } } };
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-pretokengenerationv2-event.json", "TokenGeneration_Authentication"));

        AssertRefused(result, "accessTokenGeneration.claimsToAddOrOverride names 'scope'", "scopesToAdd");
    }

    [Fact]
    public async Task A_version_2_answer_with_a_reserved_id_token_claim_is_refused()
    {
        var result = await RunAsync(
            c => c.OnPreTokenGenerationV2((e, _, _) =>
            {
                e.Response.ClaimsAndScopeOverrideDetails = new() { IdTokenGeneration = new() { ClaimsToSuppress = ["iat"] } };
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-pretokengenerationv2-event.json", "TokenGeneration_HostedAuth"));

        AssertRefused(result, "idTokenGeneration.claimsToSuppress names 'iat'");
    }

    [Fact]
    public async Task A_version_2_answer_with_an_object_for_email_verified_in_the_ID_token_is_refused()
    {
        var result = await RunAsync(
            c => c.OnPreTokenGenerationV2((e, _, _) =>
            {
                e.Response.ClaimsAndScopeOverrideDetails = new()
                {
                    IdTokenGeneration = new() { ClaimsToAddOrOverride = new() { ["roles"] = Json("""["a","b"]"""), ["email_verified"] = Json("""{"value":true}""") } },
                };
                return ValueTask.CompletedTask;
            }),
            Sample("cognito-pretokengenerationv2-event.json", "TokenGeneration_HostedAuth"));

        AssertRefused(result, "idTokenGeneration.claimsToAddOrOverride['email_verified'] is a JSON object");
    }

    // User migration

    [Theory]
    [InlineData("FORCE_CHANGE_PASSWORD", null, null, "response.finalUserStatus is 'FORCE_CHANGE_PASSWORD'; Cognito accepts CONFIRMED or RESET_REQUIRED")]
    [InlineData("CONFIRMED", "SEND", null, "response.messageAction is 'SEND'; Cognito accepts SUPPRESS or RESEND")]
    [InlineData("RESET_REQUIRED", "SUPPRESS", "PHONE", "response.desiredDeliveryMediums holds 'PHONE'")]
    public async Task A_user_migration_answer_with_values_Cognito_does_not_accept_is_refused(string status, string? action, string? medium, string expected)
    {
        var result = await RunAsync(
            c => c.OnUserMigration((e, _, _) =>
            {
                e.Response.UserAttributes = new() { ["email"] = "jane@example.com", ["email_verified"] = "true" };
                e.Response.FinalUserStatus = status;
                e.Response.MessageAction = action;
                e.Response.DesiredDeliveryMediums = medium is null ? null : ["EMAIL", medium];
                return ValueTask.CompletedTask;
            }),
            """{"version":"1","triggerSource":"UserMigration_Authentication","region":"us-east-1","userPoolId":"us-east-1_EXAMPLE","userName":"jane","callerContext":{"awsSdkVersion":"v","clientId":"c"},"request":{"password":"secret"},"response":{}}""");

        AssertRefused(result, "UserMigration_Authentication", expected);
    }

    [Fact]
    public async Task A_valid_user_migration_answer_is_sent()
    {
        var result = await RunAsync(
            c => c.OnUserMigration((e, _, _) =>
            {
                Assert.Equal("secret", e.Request.Password);
                e.Response.UserAttributes = new() { ["email"] = "jane@example.com", ["email_verified"] = "true" };
                e.Response.FinalUserStatus = "CONFIRMED";
                e.Response.MessageAction = "SUPPRESS";
                e.Response.DesiredDeliveryMediums = ["EMAIL", "SMS"];
                e.Response.EnableSmsMfa = false;
                return ValueTask.CompletedTask;
            }),
            """{"version":"1","triggerSource":"UserMigration_ForgotPassword","region":"us-east-1","userPoolId":"us-east-1_EXAMPLE","userName":"jane","callerContext":{"awsSdkVersion":"v","clientId":"c"},"request":{"password":"secret"},"response":{}}""");

        var response = JsonNode.Parse(AuthorizerSupport.Text(result))!["response"]!;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"userAttributes":{"email":"jane@example.com","email_verified":"true"},"finalUserStatus":"CONFIRMED","messageAction":"SUPPRESS","desiredDeliveryMediums":["EMAIL","SMS"],"enableSMSMFA":false}"""),
            response));
    }
}
