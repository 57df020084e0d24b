using Lambda.Toolkit.Events.AppSync;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Events.Iot;

namespace Lambda.Toolkit.Triggers.Authorizers;

/// <summary>
/// Maps Lambda authorizers: API Gateway REST (<c>TOKEN</c>, <c>REQUEST</c>), WebSocket <c>$connect</c>
/// (<c>REQUEST</c>), HTTP API (payload format 2.0, simple or IAM policy responses), AWS AppSync and AWS IoT Core.
/// <para>
/// <b>An authorizer that fails never allows.</b> When the handler throws, returns <see langword="null"/>, or has
/// not answered when the invocation's <see cref="InvocationContext.CancellationToken"/> fires (a margin before
/// the deadline), the adapter answers with the source's denial, in time:
/// </para>
/// <list type="bullet">
/// <item>REST and WebSocket: the error <see cref="AuthorizerErrors.Unauthorized"/>, which API Gateway turns into 401.</item>
/// <item>HTTP API, simple responses: <c>{"isAuthorized":false}</c> (403).</item>
/// <item>HTTP API, IAM policy responses: a policy denying the route's ARN (403).</item>
/// <item>AppSync: <c>{"isAuthorized":false,"ttlOverride":0}</c> (not cached).</item>
/// <item>IoT Core: <c>{"isAuthenticated":false,…}</c> (the connection is refused).</item>
/// </list>
/// <para>
/// Bad input (an event of an unknown <c>type</c>, a missing or malformed <c>methodArn</c>/<c>routeArn</c>, JSON of
/// the wrong shape) fails the invocation with <see cref="LambdaErrorTypes.InvalidEvent"/> and a message naming the
/// field and what was received; the handler is not called, and the caller is not let through. An answer the
/// source would refuse (an IoT principal id that is not alphanumeric, an AppSync <c>ttlOverride</c> over 3600) is
/// replaced by the denial and logged. Handlers receive the invocation (its scoped <see cref="InvocationContext.Services"/>)
/// and its cancellation token.
/// </para>
/// </summary>
public static class AuthorizerApplicationExtensions
{
    /// <summary>
    /// Maps a REST API <c>TOKEN</c> authorizer. Answer with <see cref="AuthorizerPolicy.For(ApiGatewayAuthorizerRequest, string)"/>
    /// (allow or deny method ARNs; a deny gives 403) or <see cref="AuthorizerPolicy.Unauthorized"/> (401). Failure, a
    /// <see langword="null"/> answer or the deadline answer <see cref="AuthorizerErrors.Unauthorized"/>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Decides from the token.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapTokenAuthorizer(
        this LambdaApplication app,
        Func<ApiGatewayAuthorizerRequest, InvocationContext, CancellationToken, ValueTask<AuthorizerPolicy?>> handler) =>
        Map(app, "API Gateway TOKEN authorizer", AuthorizersJsonContext.Default.ApiGatewayAuthorizerRequest, handler, new ApiGatewayAuthorizerContract(AuthorizerEventKind.Token));

    /// <summary>
    /// Maps a REST API or WebSocket (<c>$connect</c>) <c>REQUEST</c> authorizer. Answer with
    /// <see cref="AuthorizerPolicy.For(ApiGatewayAuthorizerRequest, string)"/> or <see cref="AuthorizerPolicy.Unauthorized"/> (401).
    /// Failure, a <see langword="null"/> answer or the deadline answer <see cref="AuthorizerErrors.Unauthorized"/>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Decides from the request's headers, parameters and context.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapRequestAuthorizer(
        this LambdaApplication app,
        Func<ApiGatewayAuthorizerRequest, InvocationContext, CancellationToken, ValueTask<AuthorizerPolicy?>> handler) =>
        Map(app, "API Gateway REQUEST authorizer", AuthorizersJsonContext.Default.ApiGatewayAuthorizerRequest, handler, new ApiGatewayAuthorizerContract(AuthorizerEventKind.Request));

    /// <summary>
    /// Maps an HTTP API authorizer with simple responses (payload format 2.0): answer
    /// <c>new HttpApiSimpleAuthorizerResponse { IsAuthorized = …, Context = … }</c>. Failure, a <see langword="null"/>
    /// answer or the deadline answer <c>{"isAuthorized":false}</c>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Decides from the request.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapHttpApiAuthorizer(
        this LambdaApplication app,
        Func<HttpApiAuthorizerRequest, InvocationContext, CancellationToken, ValueTask<HttpApiSimpleAuthorizerResponse?>> handler) =>
        Map(app, "HTTP API authorizer", AuthorizersJsonContext.Default.HttpApiAuthorizerRequest, handler, new HttpApiSimpleAuthorizerContract());

    /// <summary>
    /// Maps an HTTP API authorizer with IAM policy responses (payload format 2.0): answer with
    /// <see cref="AuthorizerPolicy.For(HttpApiAuthorizerRequest, string)"/>, relative to the request's <c>routeArn</c>.
    /// Failure, a <see langword="null"/> answer, <see cref="AuthorizerPolicy.Unauthorized"/> or the deadline answer a
    /// policy that denies the route.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Decides from the request.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapHttpApiPolicyAuthorizer(
        this LambdaApplication app,
        Func<HttpApiAuthorizerRequest, InvocationContext, CancellationToken, ValueTask<AuthorizerPolicy?>> handler) =>
        Map(app, "HTTP API policy authorizer", AuthorizersJsonContext.Default.HttpApiAuthorizerRequest, handler, new HttpApiPolicyAuthorizerContract());

    /// <summary>
    /// Maps an AWS AppSync Lambda authorizer (the <c>AWS_LAMBDA</c> authorization mode). Failure, a <see langword="null"/>
    /// answer or the deadline answer <c>{"isAuthorized":false,"ttlOverride":0}</c>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Decides from the token and the operation.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapAppSyncAuthorizer(
        this LambdaApplication app,
        Func<AppSyncAuthorizerRequest, InvocationContext, CancellationToken, ValueTask<AppSyncAuthorizerResponse?>> handler) =>
        Map(app, "AppSync authorizer", AppSyncJsonContext.Default.AppSyncAuthorizerRequest, handler, new AppSyncAuthorizerContract());

    /// <summary>
    /// Maps an AWS IoT Core custom authorizer. An authenticated answer must have a principal id of 1 to 128 letters and
    /// digits, durations of 300 to 86,400 seconds and its policy documents, or it is replaced by the denial. Failure, a
    /// <see langword="null"/> answer or the deadline answer <c>{"isAuthenticated":false,"principalId":"unauthenticated",…}</c>.
    /// </summary>
    /// <param name="app">The application.</param>
    /// <param name="handler">Decides from the token and the connection's protocol data.</param>
    /// <returns>The application.</returns>
    public static LambdaApplication MapIotAuthorizer(
        this LambdaApplication app,
        Func<IotCustomAuthorizerRequest, InvocationContext, CancellationToken, ValueTask<IotCustomAuthorizerResponse?>> handler) =>
        Map(app, "IoT Core authorizer", IotJsonContext.Default.IotCustomAuthorizerRequest, handler, new IotAuthorizerContract());

    private static LambdaApplication Map<TRequest, TResult>(
        LambdaApplication app,
        string name,
        System.Text.Json.Serialization.Metadata.JsonTypeInfo<TRequest> requestType,
        Func<TRequest, InvocationContext, CancellationToken, ValueTask<TResult?>> handler,
        AuthorizerContract<TRequest, TResult> contract)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(handler);
        return app.MapAdapter(new AuthorizerAdapter<TRequest, TResult>(name, requestType, handler, contract));
    }
}
