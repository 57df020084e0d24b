using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events.Cognito;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Triggers.Cognito;
using Lambda.Toolkit.Triggers.Tests.Authorizers;

namespace Lambda.Toolkit.Triggers.Tests.Cognito;

public class CognitoTriggerTests
{
    private static string Sample(string file, string triggerSource, Action<JsonObject>? change = null)
    {
        var node = JsonNode.Parse(AuthorizerSupport.ReadSample("cognito", file))!.AsObject();
        node["triggerSource"] = triggerSource;
        change?.Invoke(node);
        return node.ToJsonString();
    }

    private static async Task<LambdaTestHost> HostAsync(Action<CognitoTriggerBuilder> configure)
    {
        var app = AuthorizerSupport.App();
        app.MapCognito(configure);
        return await LambdaTestHost.StartAsync(app);
    }

    private static ValueTask Done => ValueTask.CompletedTask;

    /// <summary>A function with a handler for every family, each recording its name and leaving the response as it came.</summary>
    private static Task<LambdaTestHost> AllAsync(ConcurrentQueue<string> calls) => HostAsync(c => c
        .OnPreSignUp((_, _, _) => Record(calls, "PreSignUp"))
        .OnPostConfirmation((_, _, _) => Record(calls, "PostConfirmation"))
        .OnPreAuthentication((_, _, _) => Record(calls, "PreAuthentication"))
        .OnPostAuthentication((_, _, _) => Record(calls, "PostAuthentication"))
        .OnPreTokenGeneration((_, _, _) => Record(calls, "PreTokenGeneration"))
        .OnPreTokenGenerationV2((_, _, _) => Record(calls, "PreTokenGenerationV2"))
        .OnCustomMessage((_, _, _) => Record(calls, "CustomMessage"))
        .OnDefineAuthChallenge((_, _, _) => Record(calls, "DefineAuthChallenge"))
        .OnCreateAuthChallenge((_, _, _) => Record(calls, "CreateAuthChallenge"))
        .OnVerifyAuthChallengeResponse((_, _, _) => Record(calls, "VerifyAuthChallengeResponse"))
        .OnUserMigration((_, _, _) => Record(calls, "UserMigration"))
        .OnCustomEmailSender((_, _, _) => Record(calls, "CustomEmailSender"))
        .OnCustomSmsSender((_, _, _) => Record(calls, "CustomSmsSender"))
        .OnInboundFederation((_, _, _) => Record(calls, "InboundFederation")));

    private static ValueTask Record(ConcurrentQueue<string> calls, string name)
    {
        calls.Enqueue(name);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData("cognito-postconfirmation-event.json", "PostConfirmation_ConfirmForgotPassword", "PostConfirmation")]
    [InlineData("cognito-preauthentication-event.json", "PreAuthentication_Authentication", "PreAuthentication")]
    [InlineData("cognito-pretokengeneration-event.json", "TokenGeneration_HostedAuth", "PreTokenGeneration")]
    [InlineData("cognito-pretokengenerationv2-event.json", "TokenGeneration_RefreshTokens", "PreTokenGenerationV2")]
    [InlineData("cognito-verifyauthchallenge-event.json", "VerifyAuthChallengeResponse_Authentication", "VerifyAuthChallengeResponse")]
    [InlineData("cognito-customsmssender-event.json", "CustomSMSSender_ForgotPassword", "CustomSmsSender")]
    [InlineData("cognito-customsmssender-event.json", "CustomEmailSender_SignUp", "CustomEmailSender")]
    [InlineData("cognito-event-userpools-inbound-federation-oidc.json", "InboundFederation_ExternalProvider", "InboundFederation")]
    public async Task Each_AWS_sample_goes_to_its_family_and_comes_back_whole_with_its_response(string file, string triggerSource, string family)
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await AllAsync(calls);
        var payload = Sample(file, triggerSource);

        var result = await host.InvokeAsync(payload);

        Assert.True(AuthorizerSupport.SameJson(payload, AuthorizerSupport.Text(result)), result.ResponseText);
        Assert.Equal(family, Assert.Single(calls));
    }

    [Fact]
    public async Task Several_families_in_one_function_each_fill_their_response()
    {
        await using var host = await HostAsync(c => c
            .OnPreSignUp((e, _, _) =>
            {
                e.Response.AutoConfirmUser = true;
                e.Response.AutoVerifyEmail = null;
                e.Response.AutoVerifyPhone = null;
                return Done;
            })
            .OnPreTokenGenerationV2((e, _, _) =>
            {
                e.Response.ClaimsAndScopeOverrideDetails = new()
                {
                    AccessTokenGeneration = new() { ScopesToAdd = ["orders/read"], ClaimsToAddOrOverride = new() { ["tenant"] = JsonSerializer.SerializeToElement(42) } },
                };
                return Done;
            })
            .OnVerifyAuthChallengeResponse((e, _, _) =>
            {
                e.Response.AnswerCorrect = e.Request.ChallengeAnswer == "answer_value" && e.Request.PrivateChallengeParameters?["private_1"] == "private_value_1";
                return Done;
            }));

        var signUp = JsonNode.Parse(AuthorizerSupport.Text(await host.InvokeAsync(Sample("cognito-presignup-event.json", "PreSignUp_SignUp"))))!;
        var token = JsonNode.Parse(AuthorizerSupport.Text(await host.InvokeAsync(Sample("cognito-pretokengenerationv2-event.json", "TokenGeneration_Authentication", n => n["response"] = new JsonObject()))))!;
        var verify = JsonNode.Parse(AuthorizerSupport.Text(await host.InvokeAsync(Sample("cognito-verifyauthchallenge-event.json", "VerifyAuthChallengeResponse_Authentication", n => n["response"] = new JsonObject()))))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"autoConfirmUser":true}"""), signUp["response"]));
        Assert.Equal("us-east-1_id", signUp["userPoolId"]!.GetValue<string>());
        Assert.Equal("validation_value_1", signUp["request"]!["validationData"]!["validation_1"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"claimsAndScopeOverrideDetails":{"accessTokenGeneration":{"claimsToAddOrOverride":{"tenant":42},"scopesToAdd":["orders/read"]}}}"""),
            token["response"]));
        Assert.True(verify["response"]!["answerCorrect"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_handler_reads_typed_fields_of_the_samples()
    {
        CognitoPreTokenGenerationV2Event? seen = null;
        CognitoDefineAuthChallengeEvent? define = null;
        await using var host = await HostAsync(c => c
            .OnPreTokenGenerationV2((e, _, _) =>
            {
                seen = e;
                return Done;
            })
            .OnDefineAuthChallenge((e, _, _) =>
            {
                define = e;
                e.Response.FailAuthentication = false;
                return Done;
            }));

        Assert.True((await host.InvokeAsync(Sample("cognito-pretokengenerationv2-event.json", "TokenGeneration_Authentication"))).IsSuccess);
        Assert.True((await host.InvokeAsync(Sample("cognito-defineauthchallenge-event.json", "DefineAuthChallenge_Authentication"))).IsSuccess);

        Assert.Equal("2", seen!.Version);
        Assert.Equal("client_id", seen.CallerContext!.ClientId);
        Assert.Equal(["scope_1", "scope_2"], seen.Request.Scopes!);
        Assert.Equal("role", seen.Request.GroupConfiguration!.PreferredRole);
        Assert.Equal(1234, seen.Response.ClaimsAndScopeOverrideDetails!.IdTokenGeneration!.ClaimsToAddOrOverride!["id_claim_3"].GetInt32());
        Assert.Equal(2, define!.Request.Session!.Count);
        Assert.False(define.Request.Session[1].ChallengeResult);
        Assert.Equal("challenge_metadata1", define.Request.Session[0].ChallengeMetadata);
        Assert.True(define.Request.UserNotFound);
    }

    [Theory]
    [InlineData("3", "TokenGeneration_ClientCredentials", "V2")]
    [InlineData("2", "TokenGeneration_AuthenticateDevice", "V2")]
    [InlineData("1", "TokenGeneration_NewPasswordChallenge", "V1")]
    public async Task Pre_token_generation_is_dispatched_on_version(string version, string triggerSource, string expected)
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await HostAsync(c => c
            .OnPreTokenGeneration((_, _, _) => Record(calls, "V1"))
            .OnPreTokenGenerationV2((_, _, _) => Record(calls, "V2")));

        var result = await host.InvokeAsync(Sample("cognito-pretokengenerationv2-event.json", triggerSource, n =>
        {
            n["version"] = version;
            n["response"] = new JsonObject();
        }));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(expected, Assert.Single(calls));
    }

    [Fact]
    public async Task A_family_without_a_handler_fails_naming_the_trigger_source_and_what_the_function_handles()
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await HostAsync(c => c.OnPreSignUp((_, _, _) => Record(calls, "PreSignUp")).OnPostConfirmation((_, _, _) => Record(calls, "PostConfirmation")));

        var result = await host.InvokeAsync(Sample("cognito-custommessage-event.json", "CustomMessage_ForgotPassword"));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains("triggerSource 'CustomMessage_ForgotPassword'", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("no handler is registered", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("PreSignUp_*, PostConfirmation_*", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task A_version_2_token_event_for_a_version_1_handler_fails_naming_the_version()
    {
        await using var host = await HostAsync(c => c.OnPreTokenGeneration((_, _, _) => Done));

        var result = await host.InvokeAsync(Sample("cognito-pretokengenerationv2-event.json", "TokenGeneration_HostedAuth"));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains("triggerSource 'TokenGeneration_HostedAuth' with version '2'", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("TokenGeneration_* (version 1)", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("trigger_source", "'trigger_source'")]
    [InlineData("SignUp_Something", "'SignUp_Something'")]
    public async Task An_unknown_trigger_source_fails_as_an_invalid_event(string triggerSource, string expected)
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await AllAsync(calls);

        var result = await host.InvokeAsync(Sample("cognito-postconfirmation-event.json", triggerSource));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains(expected, result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("not a Cognito user pool trigger the toolkit knows", result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task A_request_of_the_wrong_shape_fails_as_an_invalid_event_with_its_path()
    {
        await using var host = await HostAsync(c => c.OnPreSignUp((_, _, _) => Done));

        var result = await host.InvokeAsync(Sample("cognito-presignup-event.json", "PreSignUp_SignUp", n => n["request"]!["userAttributes"] = new JsonArray()));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains("$.request.userAttributes", result.Error!.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("request")]
    [InlineData("response")]
    public async Task A_null_request_or_response_fails_as_an_invalid_event_before_the_handler(string part)
    {
        var calls = new ConcurrentQueue<string>();
        await using var host = await AllAsync(calls);

        var result = await host.InvokeAsync(Sample("cognito-preauthentication-event.json", "PreAuthentication_Authentication", n => n[part] = null));

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error?.ErrorType);
        Assert.Contains($"PreAuthentication_Authentication event's {part} is null", result.Error!.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task A_handler_still_running_when_the_token_fires_fails_as_a_timeout_in_time()
    {
        var app = AuthorizerSupport.App(cancellationMargin: TimeSpan.FromMilliseconds(1500));
        app.MapCognito(c => c.OnPreSignUp(async (_, _, ct) => await Task.Delay(Timeout.InfiniteTimeSpan, ct)));
        await using var host = await LambdaTestHost.StartAsync(app);
        var started = DateTime.UtcNow;

        var result = await host.InvokeAsync(Sample("cognito-presignup-event.json", "PreSignUp_SignUp"), new TestInvocation { Timeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(LambdaErrorTypes.Timeout, result.Error?.ErrorType);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "The failure came only after the handler finished.");
    }

    [Fact]
    public async Task A_handler_that_throws_fails_the_invocation_with_its_message_so_Cognito_refuses()
    {
        await using var host = await HostAsync(c => c.OnPreAuthentication((_, _, _) => throw new InvalidOperationException("This account is locked.")));

        var result = await host.InvokeAsync(Sample("cognito-preauthentication-event.json", "PreAuthentication_Authentication"));

        Assert.False(result.IsSuccess);
        Assert.Contains("This account is locked.", result.Error!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_family_registered_twice_is_an_init_problem()
    {
        var app = AuthorizerSupport.App();
        app.MapCognito(c => c.OnPreSignUp((_, _, _) => Done).OnPreSignUp((_, _, _) => Done));

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LambdaTestHost.StartAsync(app));

        Assert.Contains("pre sign-up trigger (PreSignUp_*) is registered twice", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_handler_at_all_is_an_init_problem()
    {
        var app = AuthorizerSupport.App();
        app.MapCognito(_ => { });

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => LambdaTestHost.StartAsync(app));

        Assert.Contains("MapCognito: no trigger is registered", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_handler_or_configuration_throws_at_map_time()
    {
        var app = AuthorizerSupport.App();

        Assert.Throws<ArgumentNullException>(() => app.MapCognito(null!));
        Assert.Throws<ArgumentNullException>(() => app.MapCognito(c => c.OnPreSignUp(null!)));
    }

    [Fact]
    public void The_classifier_recognises_Cognito_events_by_triggerSource_and_userPoolId_and_nothing_else()
    {
        var classifier = CognitoClassifier.Instance;

        Assert.Equal(CognitoTrigger.PreSignUp, classifier.ClassifyPayload(Encoding.UTF8.GetBytes(Sample("cognito-presignup-event.json", "PreSignUp_ExternalProvider"))));
        Assert.Equal(CognitoTrigger.CustomSmsSender, classifier.ClassifyPayload("""{"userPoolId":"p","triggerSource":"CustomSMSSender\u005fSignUp"}"""u8));
        Assert.Equal(CognitoTrigger.PreTokenGenerationV2, classifier.ClassifyPayload("""{"version":"3","triggerSource":"TokenGeneration_ClientCredentials","userPoolId":"p"}"""u8));
        Assert.Equal(CognitoTrigger.Unknown, classifier.ClassifyPayload("""{"version":"9","triggerSource":"TokenGeneration_HostedAuth","userPoolId":"p"}"""u8));
        Assert.Equal(CognitoTrigger.NotCognito, classifier.ClassifyPayload("""{"triggerSource":"PreSignUp_SignUp"}"""u8));
        Assert.Equal(CognitoTrigger.NotCognito, classifier.ClassifyPayload("""{"Records":[{"triggerSource":"PreSignUp_SignUp","userPoolId":"p"}]}"""u8));
        Assert.Equal(CognitoTrigger.NotCognito, classifier.ClassifyPayload("""{"userPoolId":"p","triggerSource":1}"""u8));
        Assert.Equal(CognitoTrigger.NotCognito, classifier.ClassifyPayload("not json"u8));
    }

    [Fact]
    public async Task An_event_that_is_not_Cognito_is_not_taken_by_the_Cognito_adapter()
    {
        var app = AuthorizerSupport.App();
        app.MapCognito(c => c.OnPreSignUp((_, _, _) => Done));
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"Records":[]}""");

        Assert.Equal(LambdaErrorTypes.NoHandler, result.Error?.ErrorType);
    }
}
