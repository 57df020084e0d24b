using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Cognito;
using Lambda.Toolkit.Testing.Events;

namespace PlatformHooks.Tests;

public class IdentityTriggerTests
{
    private static readonly LambdaEventsJsonContext Json = LambdaEventsJsonContext.Default;

    [Fact]
    public async Task The_bundled_pre_sign_up_of_an_allowed_domain_is_confirmed_and_its_email_verified()
    {
        await using var function = await Function.StartAsync();

        var result = await function.InvokeFileAsync("presignup.json");

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var answer = result.ReadResponse(Json.CognitoPreSignUpEvent);
        Assert.Equal("PreSignUp_SignUp", answer.TriggerSource);
        Assert.Equal("8f2c6a1e-5b7d-4e0a-9c3f-2d1b7e6a4c90", answer.UserName);
        Assert.True(answer.Response.AutoConfirmUser);
        Assert.True(answer.Response.AutoVerifyEmail);
        Assert.False(answer.Response.AutoVerifyPhone);
    }

    [Theory]
    [InlineData("grace@contoso.com")]
    [InlineData("grace@notexample.com")]
    [InlineData("grace@mail.example.com")]
    [InlineData("example.com@contoso.com")]
    public async Task A_sign_up_from_any_other_domain_goes_through_verification(string email)
    {
        await using var function = await Function.StartAsync();
        var signUp = new CognitoTriggerEventBuilder().WithAttribute("email", email).PreSignUp();

        var result = await function.Host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(signUp));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var answer = result.ReadResponse(Json.CognitoPreSignUpEvent);
        Assert.False(answer.Response.AutoConfirmUser);
        Assert.False(answer.Response.AutoVerifyEmail);
    }

    [Fact]
    public async Task The_allowed_domains_come_from_configuration()
    {
        await using var function = await Function.StartAsync(Function.ApiKeys, "--PlatformHooks:AllowedEmailDomains=contoso.com, Fabrikam.org");

        async Task<bool?> Confirmed(string email)
        {
            var signUp = new CognitoTriggerEventBuilder().WithAttribute("email", email).PreSignUp(CognitoTriggerSources.PreSignUpAdminCreateUser);
            var result = await function.Host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(signUp));
            return result.ReadResponse(Json.CognitoPreSignUpEvent).Response.AutoConfirmUser;
        }

        Assert.True(await Confirmed("grace@contoso.com"));
        Assert.True(await Confirmed("linus@FABRIKAM.ORG"));
        Assert.False(await Confirmed("ada@example.com"));
    }

    [Fact]
    public async Task A_domain_that_is_not_one_fails_init_naming_the_setting()
    {
        var app = PlatformHooksFunction.Build([Function.ApiKeys, "--PlatformHooks:AllowedEmailDomains=@example.com"]);

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => Lambda.Toolkit.Testing.LambdaTestHost.StartAsync(app));

        Assert.Contains("PlatformHooks:AllowedEmailDomains: '@example.com' is not a domain name", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundled_pre_token_generation_adds_the_tenant_claim_to_both_tokens()
    {
        await using var function = await Function.StartAsync();

        var result = await function.InvokeFileAsync("pretokengeneration-v2.json");

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        var details = result.ReadResponse(Json.CognitoPreTokenGenerationV2Event).Response.ClaimsAndScopeOverrideDetails;
        Assert.NotNull(details);
        Assert.Equal("acme", details.IdTokenGeneration!.ClaimsToAddOrOverride!["tenant"].GetString());
        Assert.Equal("acme", details.AccessTokenGeneration!.ClaimsToAddOrOverride!["tenant"].GetString());
        Assert.Null(details.IdTokenGeneration.ClaimsToSuppress);
        Assert.Null(details.AccessTokenGeneration.ScopesToAdd);
        // The claim is a JSON string, exactly as Cognito reads it.
        using var document = JsonDocument.Parse(result.ResponseText);
        var claims = document.RootElement.GetProperty("response").GetProperty("claimsAndScopeOverrideDetails").GetProperty("idTokenGeneration").GetProperty("claimsToAddOrOverride");
        Assert.Equal("""{"tenant":"acme"}""", claims.GetRawText());
    }

    [Fact]
    public async Task A_user_without_a_tenant_and_a_client_credentials_token_get_no_claim()
    {
        await using var function = await Function.StartAsync();
        var builder = new CognitoTriggerEventBuilder();

        var user = await function.Host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(builder.PreTokenGenerationV2()));
        var machine = await function.Host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(builder.PreTokenGenerationV2(CognitoTriggerSources.TokenGenerationClientCredentials)));

        Assert.True(user.IsSuccess, user.Error?.ErrorMessage);
        Assert.True(machine.IsSuccess, machine.Error?.ErrorMessage);
        Assert.Null(user.ReadResponse(Json.CognitoPreTokenGenerationV2Event).Response.ClaimsAndScopeOverrideDetails);
        Assert.Null(machine.ReadResponse(Json.CognitoPreTokenGenerationV2Event).Response.ClaimsAndScopeOverrideDetails);
        Assert.Contains("no custom:tenant attribute", function.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Cognito_trigger_the_function_does_not_handle_is_refused_by_name()
    {
        await using var function = await Function.StartAsync();
        var confirmation = new CognitoTriggerEventBuilder().PostConfirmation();

        var result = await function.Host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(confirmation));

        Assert.False(result.IsSuccess);
        Assert.Contains("PostConfirmation_ConfirmSignUp", result.Error!.ErrorMessage, StringComparison.Ordinal);
    }
}
