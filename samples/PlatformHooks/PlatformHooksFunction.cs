using Lambda.Toolkit;
using Lambda.Toolkit.Triggers.Authorizers;
using Lambda.Toolkit.Triggers.CloudFormation;
using Lambda.Toolkit.Triggers.CodePipeline;
using Lambda.Toolkit.Triggers.Cognito;
using Lambda.Toolkit.Triggers.SecretsManager;
using Microsoft.Extensions.DependencyInjection;

namespace PlatformHooks;

/// <summary>
/// Composes the function: one binary for the platform's identity and control-plane hooks. template.yaml deploys it
/// as several functions (same code, one trigger each); every event is routed by its shape, so each deployed
/// function answers the events of its own trigger. Tests build it the same way.
/// </summary>
/// <remarks>
/// Configuration (environment variables, or <c>--key=value</c> arguments):
/// <list type="bullet">
/// <item><description><c>PlatformHooks__AllowedEmailDomains</c>: comma-separated domains whose users are confirmed at sign-up. Default: <c>example.com</c>.</description></item>
/// <item><description><c>PlatformHooks__ApiKeys</c>: comma-separated <c>client=token</c> pairs the authorizer accepts. Default: none, so every call is refused.</description></item>
/// </list>
/// </remarks>
public static class PlatformHooksFunction
{
    public static LambdaApplication Build(string[] args, Action<IServiceCollection>? services = null)
    {
        var builder = LambdaApplication.CreateBuilder(args);
        builder.Services.AddSingleton<SignUpPolicy>();                       // configuration read once, reused warm
        builder.Services.AddSingleton<TokenValidator>();
        builder.Services.AddSingleton<ITenantRegistry, InMemoryTenantRegistry>();
        builder.Services.AddSingleton<PipelineJobReporter>();
        builder.Services.AddScoped<TenantResource>();                        // one per invocation
        builder.Services.AddScoped<DatabaseCredentialsRotation>();
        services?.Invoke(builder.Services);

        var app = builder.Build();

        // Read the configuration at init: a malformed value fails init with the reason, not the first event.
        app.OnInit(static (root, cancellationToken) =>
        {
            _ = root.GetRequiredService<SignUpPolicy>();
            _ = root.GetRequiredService<TokenValidator>();
            return ValueTask.CompletedTask;
        });

        // Cognito user pool: PreSignUp_* and TokenGeneration_* (version 2) events.
        app.MapCognito(cognito => cognito
            .OnPreSignUp(IdentityTriggers.PreSignUpAsync)
            .OnPreTokenGenerationV2(IdentityTriggers.PreTokenGenerationAsync));

        // API Gateway REST TOKEN authorizer: {"type":"TOKEN","authorizationToken","methodArn"}.
        app.MapTokenAuthorizer(OrdersAuthorizer.AuthorizeAsync);

        // CloudFormation custom resource Custom::Tenant: the answer is PUT to the request's ResponseURL.
        app.MapCustomResource<TenantProperties, TenantResource>(PlatformHooksJsonContext.Default.TenantProperties);

        // Secrets Manager rotation: {"Step","SecretId","ClientRequestToken"}, one step per invocation.
        app.MapSecretRotation<DatabaseCredentialsRotation>();

        // CodePipeline Lambda invoke action: {"CodePipeline.job":{...}}.
        app.MapCodePipelineJob(ReleaseJob.RunAsync, o =>
            o.ReportResult = (job, result, ct) => job.Services.GetRequiredService<PipelineJobReporter>().ReportAsync(job, result, ct));
        return app;
    }
}
