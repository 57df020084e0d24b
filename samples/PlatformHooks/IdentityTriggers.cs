using System.Text.Json;
using Lambda.Toolkit;
using Lambda.Toolkit.Events.Cognito;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PlatformHooks;

/// <summary>The Cognito user pool triggers: each fills the event's <c>response</c>, which the toolkit sends back to Cognito.</summary>
public static partial class IdentityTriggers
{
    /// <summary>The user attribute the sign-up form sets to the user's tenant.</summary>
    public const string TenantAttribute = "custom:tenant";

    /// <summary>The claim added to the ID and access tokens.</summary>
    public const string TenantClaim = "tenant";

    /// <summary>
    /// Pre sign-up: a user whose email is in an allowed domain is confirmed, and the email marked verified, without
    /// a code; anyone else gets Cognito's usual verification. Nobody is refused here (throwing would refuse the sign-up).
    /// </summary>
    public static ValueTask PreSignUpAsync(CognitoPreSignUpEvent e, InvocationContext context, CancellationToken cancellationToken)
    {
        var policy = context.Services.GetRequiredService<SignUpPolicy>();
        var email = e.Request.UserAttributes?.GetValueOrDefault("email");
        var allowed = policy.IsAllowed(email);
        e.Response.AutoConfirmUser = allowed;
        e.Response.AutoVerifyEmail = allowed;   // only set with an email attribute: Cognito refuses it otherwise
        var logger = Logger(context);
        LogSignUp(logger, e.TriggerSource, e.UserName, allowed);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Pre token generation (event version 2): adds a <c>tenant</c> claim, from the user's <c>custom:tenant</c>
    /// attribute, to the ID token and the access token. Machine-to-machine tokens (version 3, no user) and users
    /// without a tenant get no claim.
    /// </summary>
    public static ValueTask PreTokenGenerationAsync(CognitoPreTokenGenerationV2Event e, InvocationContext context, CancellationToken cancellationToken)
    {
        var tenant = e.Request.UserAttributes?.GetValueOrDefault(TenantAttribute);
        if (string.IsNullOrWhiteSpace(tenant))
        {
            var logger = Logger(context);
            LogNoTenant(logger, e.TriggerSource, e.UserName);
            return ValueTask.CompletedTask;
        }

        var claim = JsonSerializer.SerializeToElement(tenant, PlatformHooksJsonContext.Default.String);
        e.Response.ClaimsAndScopeOverrideDetails = new CognitoClaimsAndScopeOverrideDetails
        {
            IdTokenGeneration = new CognitoIdTokenGeneration { ClaimsToAddOrOverride = new(StringComparer.Ordinal) { [TenantClaim] = claim } },
            AccessTokenGeneration = new CognitoAccessTokenGeneration { ClaimsToAddOrOverride = new(StringComparer.Ordinal) { [TenantClaim] = claim } },
        };
        return ValueTask.CompletedTask;
    }

    private static ILogger Logger(InvocationContext context) =>
        context.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentityTriggers).FullName!);

    [LoggerMessage(Level = LogLevel.Information, Message = "{TriggerSource} for {UserName}: auto-confirmed {AutoConfirmed}")]
    private static partial void LogSignUp(ILogger logger, string? triggerSource, string? userName, bool autoConfirmed);

    [LoggerMessage(Level = LogLevel.Information, Message = "{TriggerSource} for {UserName}: no custom:tenant attribute, no tenant claim")]
    private static partial void LogNoTenant(ILogger logger, string? triggerSource, string? userName);
}
