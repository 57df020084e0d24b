using System.Text.Json;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Cognito;
using Lambda.Toolkit.Testing.Events;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary>The Cognito trigger builder: each family's event has the shape of AWS's sample, the builder's values, and round-trips.</summary>
public sealed class CognitoTriggerEventBuilderTests
{
    private static readonly string[] Maps = ["userAttributes", "clientMetadata", "validationData", "privateChallengeParameters", "tokenResponse", "idToken", "userInfo"];

    private static CognitoTriggerEventBuilder Builder() => new CognitoTriggerEventBuilder()
        .ForUser("jane")
        .WithAttribute("email", "jane@example.com")
        .WithClientMetadata("source", "web");

    private static void AssertShape(string sample, CognitoTriggerEvent built, string[] sampleOnly, string[] builtOnly)
    {
        var json = CognitoTriggerEventBuilder.ToJson(built);
        JsonShape.AssertSameShape(
            JsonShape.Paths("cognito/" + sample, Maps, opaque: ["response"]),
            JsonShape.Paths(json, Maps, opaque: ["response"]),
            sampleOnly,
            builtOnly);
        var node = JsonNode.Parse(json)!;
        Assert.Equal(built.TriggerSource, node["triggerSource"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(new JsonObject(), node["response"]), "A built event's response is empty.");
    }

    [Fact]
    public void A_pre_sign_up_event_has_the_shape_of_the_AWS_sample_and_the_builders_values()
    {
        var built = Builder().InRegion("eu-west-1").InUserPool("eu-west-1_Pool").WithClientId("client123").PreSignUp(CognitoTriggerSources.PreSignUpAdminCreateUser);

        AssertShape("cognito-presignup-event.json", built, sampleOnly: ["request.validationData", "request.validationData.*"], builtOnly: []);
        Assert.Equal("1", built.Version);
        Assert.Equal("PreSignUp_AdminCreateUser", built.TriggerSource);
        Assert.Equal("eu-west-1", built.Region);
        Assert.Equal("eu-west-1_Pool", built.UserPoolId);
        Assert.Equal("jane", built.UserName);
        Assert.Equal("client123", built.CallerContext!.ClientId);
        Assert.Equal("jane@example.com", built.Request.UserAttributes!["email"]);
        Assert.Equal("jane", built.Request.UserAttributes["sub"]);
        Assert.Equal("web", built.Request.ClientMetadata!["source"]);
    }

    [Fact]
    public void The_defaults_are_a_uuid_user_a_26_character_client_id_and_the_region_pool()
    {
        var built = new CognitoTriggerEventBuilder().PostConfirmation();

        Assert.True(Guid.TryParse(built.UserName, out _));
        Assert.Matches("^[a-z0-9]{26}$", built.CallerContext!.ClientId);
        Assert.Equal("us-east-1_EXAMPLE", built.UserPoolId);
        Assert.Null(built.Request.ClientMetadata);
        AssertShape("cognito-postconfirmation-event.json", built, sampleOnly: ["request.clientMetadata", "request.clientMetadata.*"], builtOnly: []);
    }

    [Fact]
    public void Authentication_events_have_the_shape_of_the_AWS_samples()
    {
        var builder = Builder();
        AssertShape("cognito-preauthentication-event.json", builder.PreAuthentication(), sampleOnly: ["request.validationData", "request.validationData.*", "request.userNotFound"], builtOnly: ["request.clientMetadata", "request.clientMetadata.*"]);
        AssertShape(
            "cognito-defineauthchallenge-event.json",
            builder.DefineAuthChallenge(new CognitoChallengeResult { ChallengeName = "SRP_A", ChallengeResult = true, ChallengeMetadata = "m" }),
            sampleOnly: [],
            builtOnly: []);
        var verify = builder.VerifyAuthChallengeResponse("42", ("answer", "42"));
        AssertShape("cognito-verifyauthchallenge-event.json", verify, sampleOnly: [], builtOnly: []);
        Assert.Equal("42", verify.Request.PrivateChallengeParameters!["answer"]);
        Assert.Equal("CUSTOM_CHALLENGE", builder.CreateAuthChallenge().Request.ChallengeName);
    }

    [Fact]
    public void Pre_token_generation_events_carry_their_version()
    {
        var builder = Builder();
        var v1 = builder.PreTokenGeneration(CognitoTriggerSources.TokenGenerationHostedAuth, "admins");
        var v2 = builder.PreTokenGenerationV2(CognitoTriggerSources.TokenGenerationRefreshTokens, "orders/read");
        var v3 = builder.PreTokenGenerationV2(CognitoTriggerSources.TokenGenerationClientCredentials);

        AssertShape("cognito-pretokengeneration-event.json", v1, sampleOnly: ["request.groupConfiguration.preferredRole"], builtOnly: []);
        AssertShape("cognito-pretokengenerationv2-event.json", v2, sampleOnly: ["request.groupConfiguration.preferredRole"], builtOnly: []);
        Assert.Equal(("1", "2", "3"), (v1.Version, v2.Version, v3.Version));
        Assert.Equal(["admins"], v1.Request.GroupConfiguration!.GroupsToOverride!);
        Assert.Equal(["orders/read"], v2.Request.Scopes!);
        Assert.Null(v3.UserName);
        Assert.Null(v3.Request.UserAttributes);
        Assert.Equal(["openid", "email"], v3.Request.Scopes!);
    }

    [Fact]
    public void A_custom_message_event_carries_the_placeholders_Cognito_sends()
    {
        var signUp = Builder().CustomMessage();
        var invite = Builder().CustomMessage(CognitoTriggerSources.CustomMessageAdminCreateUser);

        AssertShape("cognito-custommessage-event.json", signUp, sampleOnly: ["request.usernameParameter"], builtOnly: []);
        AssertShape("cognito-custommessage-event.json", invite, sampleOnly: [], builtOnly: []);
        Assert.Equal("{####}", signUp.Request.CodeParameter);
        Assert.Equal("{username}", invite.Request.UsernameParameter);
    }

    [Fact]
    public void Custom_sender_events_carry_an_opaque_code_and_their_request_type()
    {
        var sms = new CognitoTriggerEventBuilder().WithAttribute("phone_number", "+15555550100").CustomSmsSender(CognitoTriggerSources.CustomSmsSenderAuthentication);
        var email = Builder().CustomEmailSender();

        AssertShape("cognito-customsmssender-event.json", sms, sampleOnly: [], builtOnly: []);
        Assert.Equal("customSMSSenderRequestV1", sms.Request.Type);
        Assert.Equal("customEmailSenderRequestV1", email.Request.Type);
        Assert.StartsWith("AYADe", sms.Request.Code, StringComparison.Ordinal);
        Assert.NotEqual(sms.Request.Code, email.Request.Code);
    }

    [Fact]
    public void An_inbound_federation_event_has_the_shape_of_the_AWS_OIDC_sample()
    {
        var built = new CognitoTriggerEventBuilder().WithAttribute("email", "jane@example.com").InboundFederation("Okta");

        AssertShape("cognito-event-userpools-inbound-federation-oidc.json", built, sampleOnly: [], builtOnly: []);
        Assert.Equal("Okta", built.Request.ProviderName);
        Assert.Equal("jane@example.com", built.Request.Attributes!.IdToken!["email"].GetString());
    }

    [Fact]
    public void A_user_migration_event_carries_the_password()
    {
        var built = Builder().UserMigration("secret", CognitoTriggerSources.UserMigrationForgotPassword);

        Assert.Equal("secret", built.Request.Password);
        Assert.Equal("UserMigration_ForgotPassword", built.TriggerSource);
    }

    [Fact]
    public void Every_built_event_round_trips_through_its_model()
    {
        var builder = Builder();
        var context = LambdaEventsJsonContext.Default;
        AssertRoundTrips(builder.PreSignUp(), context.CognitoPreSignUpEvent);
        AssertRoundTrips(builder.PostAuthentication(newDeviceUsed: true), context.CognitoPostAuthenticationEvent);
        AssertRoundTrips(builder.PreTokenGenerationV2(), context.CognitoPreTokenGenerationV2Event);
        AssertRoundTrips(builder.InboundFederation(), context.CognitoInboundFederationEvent);
        AssertRoundTrips(builder.UserMigration(null), context.CognitoUserMigrationEvent);
    }

    private static void AssertRoundTrips<T>(T built, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : CognitoTriggerEvent
    {
        var json = CognitoTriggerEventBuilder.ToJson(built);
        var again = JsonSerializer.SerializeToUtf8Bytes(LambdaEventSerializer.Deserialize(json, type), type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)), "The event changed in a round trip through " + typeof(T).Name);
    }
}
