using Lambda.Toolkit.Events.Cognito;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Testing.Events;
using Lambda.Toolkit.Triggers.Cognito;
using Lambda.Toolkit.Triggers.Tests.Authorizers;

namespace Lambda.Toolkit.Triggers.Tests.Cognito;

/// <summary>Events from <see cref="CognitoTriggerEventBuilder"/> are taken by <c>MapCognito</c> and dispatched to their family.</summary>
public class BuiltCognitoEventTests
{
    [Fact]
    public async Task Built_events_reach_their_handlers_and_come_back_with_the_response()
    {
        var app = AuthorizerSupport.App();
        var seen = new List<string>();
        app.MapCognito(c => c
            .OnPreSignUp((e, _, _) =>
            {
                seen.Add(e.TriggerSource!);
                e.Response.AutoConfirmUser = true;
                e.Response.AutoVerifyEmail = e.Request.UserAttributes!.ContainsKey("email");
                return ValueTask.CompletedTask;
            })
            .OnCustomMessage((e, _, _) =>
            {
                seen.Add(e.TriggerSource!);
                e.Response.EmailMessage = $"Hello {e.Request.UsernameParameter}, your password is {e.Request.CodeParameter}";
                e.Response.EmailSubject = "Welcome";
                return ValueTask.CompletedTask;
            })
            .OnPreTokenGenerationV2((e, _, _) =>
            {
                seen.Add(e.TriggerSource! + "/" + e.Version);
                return ValueTask.CompletedTask;
            })
            .OnCustomSmsSender((e, _, _) =>
            {
                seen.Add(e.Request.Type!);
                return ValueTask.CompletedTask;
            }));
        await using var host = await LambdaTestHost.StartAsync(app);
        var cognito = new CognitoTriggerEventBuilder().ForUser("jane").WithAttribute("email", "jane@example.com");

        var signUp = await host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(cognito.PreSignUp()));
        var invite = await host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(cognito.CustomMessage(CognitoTriggerSources.CustomMessageAdminCreateUser)));
        var machine = await host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(cognito.PreTokenGenerationV2(CognitoTriggerSources.TokenGenerationClientCredentials)));
        var sms = await host.InvokeAsync(CognitoTriggerEventBuilder.ToJson(cognito.CustomSmsSender()));

        Assert.Contains("\"response\":{\"autoConfirmUser\":true,\"autoVerifyEmail\":true}", AuthorizerSupport.Text(signUp), StringComparison.Ordinal);
        Assert.Contains("Hello {username}, your password is {####}", AuthorizerSupport.Text(invite), StringComparison.Ordinal);
        Assert.True(machine.IsSuccess, machine.Error?.ErrorMessage);
        Assert.True(sms.IsSuccess, sms.Error?.ErrorMessage);
        Assert.Equal(["PreSignUp_SignUp", "CustomMessage_AdminCreateUser", "TokenGeneration_ClientCredentials/3", "customSMSSenderRequestV1"], seen);
    }
}
