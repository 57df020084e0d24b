using Lambda.Toolkit;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Triggers.Authorizers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PlatformHooks;

/// <summary>
/// The REST API's TOKEN authorizer: a known API key may read orders (GET /orders/*) and nothing else; an unknown or
/// missing key is answered 401.
/// </summary>
public static partial class OrdersAuthorizer
{
    /// <summary>
    /// API Gateway caches the answer per token (for the authorizer's TTL) and applies it to every method the token
    /// calls, so the policy always names what the key may do, not just the method being called. When the call itself
    /// is not covered, an explicit deny of it is added, which API Gateway answers 403.
    /// </summary>
    public static ValueTask<AuthorizerPolicy?> AuthorizeAsync(ApiGatewayAuthorizerRequest request, InvocationContext context, CancellationToken cancellationToken)
    {
        var logger = context.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OrdersAuthorizer).FullName!);
        if (!context.Services.GetRequiredService<TokenValidator>().TryValidate(request.AuthorizationToken, out var client))
        {
            LogUnknownToken(logger, request.MethodArn);
            return ValueTask.FromResult<AuthorizerPolicy?>(AuthorizerPolicy.Unauthorized());
        }

        var policy = AuthorizerPolicy.For(request, principalId: client)
            .AllowMethod("GET", "/orders/*")
            .WithContext("client", client);
        var allowed = policy.Allows(request.MethodArn!);   // the adapter has checked that methodArn is an execute-api ARN
        if (!allowed)
        {
            policy.DenyRequest();
        }

        LogDecision(logger, client, request.MethodArn, allowed);
        return ValueTask.FromResult<AuthorizerPolicy?>(policy);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unknown or missing API key for {MethodArn}: 401")]
    private static partial void LogUnknownToken(ILogger logger, string? methodArn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Client {Client} calling {MethodArn}: allowed {Allowed}")]
    private static partial void LogDecision(ILogger logger, string client, string? methodArn, bool allowed);
}
