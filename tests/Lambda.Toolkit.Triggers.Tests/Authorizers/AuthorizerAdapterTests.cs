using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.AppSync;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Events.Iot;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Testing.Events;
using Lambda.Toolkit.Triggers.Authorizers;
using static Lambda.Toolkit.Triggers.Tests.Authorizers.AuthorizerSupport;

namespace Lambda.Toolkit.Triggers.Tests.Authorizers;

public class AuthorizerAdapterTests
{
    private const string RequestArn = "arn:aws:execute-api:us-east-1:123456789012:s4x3opwd6i/test/GET/request";
    private const string RouteArn = "arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/GET/request";

    // The token fires 500 ms in; the runtime would report its own timeout only 1.9 s in.
    private static readonly TestInvocation Short = new() { Timeout = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task A_TOKEN_authorizer_answers_the_exact_policy_document_shape()
    {
        string? token = null;
        var app = App();
        app.MapTokenAuthorizer((request, _, _) =>
        {
            token = request.AuthorizationToken;
            return ValueTask.FromResult<AuthorizerPolicy?>(AuthorizerPolicy.For(MethodArn.Parse(RequestArn), "user1")
                .AllowMethod("GET", "/orders/*")
                .DenyMethod("delete", "*")
                .WithContext("tier", "gold")
                .WithContext("level", 3)
                .WithContext("admin", false)
                .WithUsageIdentifierKey("key-1"));
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var text = Text(await host.InvokeFileAsync(Sample("authorizer", "api-gateway-authorizer.json")));

        Assert.Equal("incoming-client-token", token);
        Assert.Equal(
            """{"principalId":"user1","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":["arn:aws:execute-api:us-east-1:123456789012:s4x3opwd6i/test/GET/orders/*"]},{"Action":"execute-api:Invoke","Effect":"Deny","Resource":["arn:aws:execute-api:us-east-1:123456789012:s4x3opwd6i/test/DELETE/*"]}]},"context":{"tier":"gold","level":3,"admin":false},"usageIdentifierKey":"key-1"}""",
            text);
    }

    [Fact]
    public async Task A_REQUEST_authorizer_builds_its_policy_from_the_request_method_ARN()
    {
        var app = App();
        app.MapRequestAuthorizer((request, _, _) => ValueTask.FromResult<AuthorizerPolicy?>(
            request.GetHeader("HeaderAuth1") == "headerValue1" ? AuthorizerPolicy.For(request, "caller").AllowRequest() : AuthorizerPolicy.For(request, "caller").DenyRequest()));
        await using var host = await LambdaTestHost.StartAsync(app);

        var response = JsonSerializer.Deserialize(Text(await host.InvokeFileAsync(Sample("authorizer", "apigw-custom-auth-request-type-request.json"))), LambdaEventsJsonContext.Default.ApiGatewayAuthorizerResponse)!;

        var statement = Assert.Single(response.PolicyDocument!.Statement!);
        Assert.Equal("Allow", statement.Effect);
        Assert.Equal([RequestArn], statement.Resource!);
    }

    [Fact]
    public async Task Unauthorized_from_a_REST_authorizer_is_the_error_API_Gateway_turns_into_401()
    {
        var app = App();
        app.MapTokenAuthorizer((_, _, _) => ValueTask.FromResult<AuthorizerPolicy?>(AuthorizerPolicy.Unauthorized()));
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("authorizer", "api-gateway-authorizer.json"));

        Assert.False(result.IsSuccess);
        Assert.Equal("Unauthorized", result.Error!.ErrorMessage);
        Assert.Equal(AuthorizerErrors.Unauthorized, result.Error.ErrorType);
    }

    [Fact]
    public async Task A_policy_that_names_nothing_denies_the_request_instead_of_allowing()
    {
        var app = App();
        app.MapRequestAuthorizer((request, _, _) => ValueTask.FromResult<AuthorizerPolicy?>(AuthorizerPolicy.For(request, "caller")));
        await using var host = await LambdaTestHost.StartAsync(app);

        var response = JsonSerializer.Deserialize(Text(await host.InvokeFileAsync(Sample("authorizer", "apigw-custom-auth-request-type-request.json"))), LambdaEventsJsonContext.Default.ApiGatewayAuthorizerResponse)!;

        var statement = Assert.Single(response.PolicyDocument!.Statement!);
        Assert.Equal(("Deny", RequestArn), (statement.Effect, statement.Resource![0]));
    }

    public enum Source
    {
        Token,
        Request,
        HttpApiSimple,
        HttpApiPolicy,
        AppSync,
        Iot,
    }

    public enum Failure
    {
        Throws,
        ReturnsNull,
        MissesTheDeadline,
        ThrowsWhenCancelled,
    }

    public static TheoryData<Source, Failure> Failures()
    {
        var data = new TheoryData<Source, Failure>();
        foreach (var source in Enum.GetValues<Source>())
        {
            foreach (var failure in Enum.GetValues<Failure>())
            {
                data.Add(source, failure);
            }
        }

        return data;
    }

    private static async ValueTask<T?> Fail<T>(Failure failure, CancellationToken ct)
        where T : class
    {
        switch (failure)
        {
            case Failure.Throws:
                throw new InvalidOperationException("token store down");
            case Failure.ReturnsNull:
                return null;
            case Failure.MissesTheDeadline:
                // Ignores its token: the adapter must answer the denial when the token fires, not wait.
                await Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None);
                throw new InvalidOperationException("never reached in time");
            default:
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return null;
        }
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task An_authorizer_that_fails_answers_its_source_denial_and_never_allows(Source source, Failure failure)
    {
        var app = App(cancellationMargin: TimeSpan.FromMilliseconds(1500));
        var (file, check) = source switch
        {
            Source.Token => Map(app.MapTokenAuthorizer((_, _, ct) => Fail<AuthorizerPolicy>(failure, ct)), "authorizer/api-gateway-authorizer.json", Unauthorized),
            Source.Request => Map(app.MapRequestAuthorizer((_, _, ct) => Fail<AuthorizerPolicy>(failure, ct)), "authorizer/apigw-custom-auth-request-type-request.json", Unauthorized),
            Source.HttpApiSimple => Map(app.MapHttpApiAuthorizer((_, _, ct) => Fail<HttpApiSimpleAuthorizerResponse>(failure, ct)), "authorizer/custom-authorizer-v2-request.json", Body("""{"isAuthorized":false}""")),
            Source.HttpApiPolicy => Map(app.MapHttpApiPolicyAuthorizer((_, _, ct) => Fail<AuthorizerPolicy>(failure, ct)), "authorizer/custom-authorizer-v2-request.json", DeniesRoute),
            Source.AppSync => Map(app.MapAppSyncAuthorizer((_, _, ct) => Fail<AppSyncAuthorizerResponse>(failure, ct)), "appsync/appsync-event-lambda-authorizer-request.json", Body("""{"isAuthorized":false,"ttlOverride":0}""")),
            _ => Map(app.MapIotAuthorizer((_, _, ct) => Fail<IotCustomAuthorizerResponse>(failure, ct)), "iot/iot-custom-auth-request.json", IotDenied),
        };
        await using var host = await LambdaTestHost.StartAsync(app);
        var started = DateTime.UtcNow;

        var result = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", file), Short);

        check(result);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5), "The denial came only after the handler finished.");
    }

    private static (string, Action<TestInvocationResult>) Map(LambdaApplication _, string file, Action<TestInvocationResult> check) => (file, check);

    private static void Unauthorized(TestInvocationResult result)
    {
        Assert.False(result.IsSuccess);
        Assert.Equal(("Unauthorized", "Unauthorized"), (result.Error!.ErrorType, result.Error.ErrorMessage));
    }

    private static Action<TestInvocationResult> Body(string expected) => result => Assert.Equal(expected, Text(result));

    private static void DeniesRoute(TestInvocationResult result) => Assert.Equal(
        """{"principalId":"unauthorized","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Deny","Resource":[""" + "\"" + RouteArn + "\"" + "]}]}}",
        Text(result));

    private static void IotDenied(TestInvocationResult result)
    {
        var response = JsonSerializer.Deserialize(Text(result), LambdaEventsJsonContext.Default.IotCustomAuthorizerResponse)!;
        Assert.False(response.IsAuthenticated);
        Assert.Empty(response.PolicyDocuments!);
    }

    [Fact]
    public async Task HTTP_API_simple_and_policy_authorizers_write_the_handler_answer()
    {
        var simple = App();
        simple.MapHttpApiAuthorizer((request, _, _) => ValueTask.FromResult<HttpApiSimpleAuthorizerResponse?>(
            new HttpApiSimpleAuthorizerResponse { IsAuthorized = request.IdentitySource![0] == "user1", Context = new() { ["user"] = request.IdentitySource[0], ["n"] = 2 } }));
        var policy = App();
        policy.MapHttpApiPolicyAuthorizer((request, _, _) => ValueTask.FromResult<AuthorizerPolicy?>(AuthorizerPolicy.For(request, "user1").AllowMethod("*", "*")));
        await using var simpleHost = await LambdaTestHost.StartAsync(simple);
        await using var policyHost = await LambdaTestHost.StartAsync(policy);

        var simpleText = Text(await simpleHost.InvokeFileAsync(Sample("authorizer", "custom-authorizer-v2-request.json")));
        var policyText = Text(await policyHost.InvokeFileAsync(Sample("authorizer", "custom-authorizer-v2-request.json")));

        Assert.Equal("""{"isAuthorized":true,"context":{"user":"user1","n":2}}""", simpleText);
        Assert.Contains("\"Resource\":[\"arn:aws:execute-api:us-east-1:123456789012:abcdef123/test/*/*\"]", policyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSync_and_IoT_authorizers_write_the_handler_answer()
    {
        var appSync = App();
        appSync.MapAppSyncAuthorizer((request, _, _) => ValueTask.FromResult<AppSyncAuthorizerResponse?>(
            new AppSyncAuthorizerResponse { IsAuthorized = request.AuthorizationToken == "custom-token", ResolverContext = new() { ["userid"] = "u1" }, DeniedFields = ["Mutation.createEvent"], TtlOverride = 10 }));
        var iot = App();
        iot.MapIotAuthorizer((request, _, _) => ValueTask.FromResult<IotCustomAuthorizerResponse?>(new IotCustomAuthorizerResponse
        {
            IsAuthenticated = request.Token == "aToken",
            PrincipalId = request.ProtocolData!.Mqtt!.ClientId!.Replace("my", "", StringComparison.Ordinal),
            DisconnectAfterInSeconds = 3600,
            RefreshAfterInSeconds = 300,
            PolicyDocuments = [new IotPolicyDocument(new IamPolicyDocument { Version = "2012-10-17", Statement = [new IamPolicyStatement { Action = new("iot:Connect"), Effect = "Allow", Resource = new("*") }] })],
        }));
        await using var appSyncHost = await LambdaTestHost.StartAsync(appSync);
        await using var iotHost = await LambdaTestHost.StartAsync(iot);

        var appSyncText = Text(await appSyncHost.InvokeFileAsync(Sample("appsync", "appsync-event-lambda-authorizer-request.json")));
        var iotText = Text(await iotHost.InvokeFileAsync(Sample("iot", "iot-custom-auth-request.json")));

        Assert.Equal("""{"isAuthorized":true,"resolverContext":{"userid":"u1"},"deniedFields":["Mutation.createEvent"],"ttlOverride":10}""", appSyncText);
        Assert.Equal(
            """{"isAuthenticated":true,"principalId":"ClientId","disconnectAfterInSeconds":3600,"refreshAfterInSeconds":300,"policyDocuments":["{\u0022Version\u0022:\u00222012-10-17\u0022,\u0022Statement\u0022:[{\u0022Action\u0022:\u0022iot:Connect\u0022,\u0022Effect\u0022:\u0022Allow\u0022,\u0022Resource\u0022:\u0022*\u0022}]}"]}""",
            iotText);
    }

    [Theory]
    [InlineData("my-device", 300)]
    [InlineData("device", 100)]
    public async Task An_IoT_answer_IoT_Core_would_refuse_is_replaced_by_the_denial(string principalId, int disconnectAfter)
    {
        var app = App();
        app.MapIotAuthorizer((_, _, _) => ValueTask.FromResult<IotCustomAuthorizerResponse?>(
            new IotCustomAuthorizerResponse { IsAuthenticated = true, PrincipalId = principalId, DisconnectAfterInSeconds = disconnectAfter, RefreshAfterInSeconds = 300, PolicyDocuments = [] }));
        await using var host = await LambdaTestHost.StartAsync(app);

        IotDenied(await host.InvokeFileAsync(Sample("iot", "iot-custom-auth-request.json")));
    }

    [Fact]
    public async Task An_AppSync_ttlOverride_out_of_range_is_replaced_by_the_denial()
    {
        var app = App();
        app.MapAppSyncAuthorizer((_, _, _) => ValueTask.FromResult<AppSyncAuthorizerResponse?>(new AppSyncAuthorizerResponse { IsAuthorized = true, TtlOverride = 7200 }));
        await using var host = await LambdaTestHost.StartAsync(app);

        Assert.Equal("""{"isAuthorized":false,"ttlOverride":0}""", Text(await host.InvokeFileAsync(Sample("appsync", "appsync-event-lambda-authorizer-request.json"))));
    }

    [Theory]
    [InlineData("""{"type":"COGNITO","methodArn":"arn:aws:execute-api:us-east-1:1:a/s/GET/x","authorizationToken":"t"}""", "$.type", "'COGNITO'")]
    [InlineData("""{"methodArn":"arn:aws:execute-api:us-east-1:1:a/s/GET/x","authorizationToken":"t"}""", "$.type", "absent")]
    [InlineData("""{"type":"TOKEN","authorizationToken":"t"}""", "$.methodArn", "absent")]
    [InlineData("""{"type":"TOKEN","authorizationToken":"t","methodArn":"arn:aws:s3:::bucket"}""", "$.methodArn", "'arn:aws:s3:::bucket'")]
    [InlineData("""{"type":"TOKEN","authorizationToken":7,"methodArn":"arn:aws:execute-api:us-east-1:1:a/s/GET/x"}""", "$.authorizationToken", "")]
    public async Task Bad_REST_authorizer_input_is_an_invalid_event_naming_what_was_received_and_the_handler_never_runs(string json, string path, string received)
    {
        var called = false;
        var app = App();
        app.MapTokenAuthorizer((request, _, _) =>
        {
            called = true;
            return ValueTask.FromResult<AuthorizerPolicy?>(AuthorizerPolicy.For(request, "x").AllowMethod("*", "*"));
        });
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync(json);

        Assert.False(called);
        Assert.False(result.IsSuccess);
        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains(path, result.Error.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(received, result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HTTP_API_authorizer_event_in_payload_format_1_0_is_named_in_the_error()
    {
        var app = App();
        app.MapHttpApiAuthorizer((_, _, _) => ValueTask.FromResult<HttpApiSimpleAuthorizerResponse?>(new HttpApiSimpleAuthorizerResponse { IsAuthorized = true }));
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeAsync("""{"version":"1.0","type":"REQUEST","routeArn":"arn:aws:execute-api:us-east-1:1:a/s/GET/x"}""");

        Assert.Equal(LambdaErrorTypes.InvalidEvent, result.Error!.ErrorType);
        Assert.Contains("'1.0'", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_authorizer_mapped_in_one_function_gets_its_own_events_and_others_are_not_routed_to_them()
    {
        var seen = new List<string>();
        var app = App();
        app.MapTokenAuthorizer((_, _, _) => { seen.Add("token"); return ValueTask.FromResult<AuthorizerPolicy?>(AuthorizerPolicy.Unauthorized()); });
        app.MapRequestAuthorizer((_, _, _) => { seen.Add("request"); return ValueTask.FromResult<AuthorizerPolicy?>(AuthorizerPolicy.Unauthorized()); });
        app.MapHttpApiAuthorizer((_, _, _) => { seen.Add("http"); return ValueTask.FromResult<HttpApiSimpleAuthorizerResponse?>(null); });
        app.MapAppSyncAuthorizer((_, _, _) => { seen.Add("appsync"); return ValueTask.FromResult<AppSyncAuthorizerResponse?>(null); });
        app.MapIotAuthorizer((_, _, _) => { seen.Add("iot"); return ValueTask.FromResult<IotCustomAuthorizerResponse?>(null); });
        await using var host = await LambdaTestHost.StartAsync(app);

        await host.InvokeFileAsync(Sample("authorizer", "api-gateway-authorizer.json"));
        await host.InvokeFileAsync(Sample("authorizer", "apigw-custom-auth-request-type-request.json"));
        await host.InvokeFileAsync(Sample("authorizer", "custom-authorizer-v2-request.json"));
        await host.InvokeFileAsync(Sample("appsync", "appsync-event-lambda-authorizer-request.json"));
        await host.InvokeFileAsync(Sample("iot", "iot-custom-auth-request.json"));
        var other = await host.InvokeFileAsync(Sample("iot", "iot-button-event.json"));

        Assert.Equal(["token", "request", "http", "appsync", "iot"], seen);
        Assert.Equal(LambdaErrorTypes.NoHandler, other.Error!.ErrorType);
    }

    [Fact]
    public async Task Events_from_the_testing_builders_are_handled_by_their_authorizers()
    {
        var token = AuthorizerRequestEventBuilder.Token("good", "GET", "/orders/1");
        var socket = AuthorizerRequestEventBuilder.WebSocketConnect().WithQuery("token", "good");
        var v2 = AuthorizerRequestEventBuilder.HttpApi("GET", "/orders/1").WithHeader("authorization", "good", identitySource: true);
        var app = App();
        app.MapTokenAuthorizer((request, _, _) => ValueTask.FromResult<AuthorizerPolicy?>(
            request.AuthorizationToken == "good" ? AuthorizerPolicy.For(request, "u1").AllowMethod("GET", "/orders/*") : AuthorizerPolicy.Unauthorized()));
        app.MapRequestAuthorizer((request, _, _) => ValueTask.FromResult<AuthorizerPolicy?>(
            request.QueryStringParameters?["token"] == "good" ? AuthorizerPolicy.For(request, "u1").AllowRequest() : AuthorizerPolicy.Unauthorized()));
        app.MapHttpApiAuthorizer((request, _, _) => ValueTask.FromResult<HttpApiSimpleAuthorizerResponse?>(new HttpApiSimpleAuthorizerResponse { IsAuthorized = request.IdentitySource![0] == "good" }));
        await using var host = await LambdaTestHost.StartAsync(app);

        var tokenAnswer = JsonSerializer.Deserialize(Text(await host.InvokeAsync(token.ToJson())), LambdaEventsJsonContext.Default.ApiGatewayAuthorizerResponse)!;
        var socketAnswer = JsonSerializer.Deserialize(Text(await host.InvokeAsync(socket.ToJson())), LambdaEventsJsonContext.Default.ApiGatewayAuthorizerResponse)!;
        var v2Answer = Text(await host.InvokeAsync(v2.ToJson()));

        Assert.True(AuthorizerPolicy.WildcardMatch(tokenAnswer.PolicyDocument!.Statement![0].Resource![0], token.MethodArn));
        Assert.Equal(socket.MethodArn, socketAnswer.PolicyDocument!.Statement![0].Resource![0]);
        Assert.Equal("""{"isAuthorized":true}""", v2Answer);
    }

    [Fact]
    public async Task AppSync_and_IoT_events_from_the_testing_builders_are_handled_by_their_authorizers()
    {
        var app = App();
        app.MapAppSyncAuthorizer((request, _, _) => ValueTask.FromResult<AppSyncAuthorizerResponse?>(new AppSyncAuthorizerResponse { IsAuthorized = request.RequestContext!.OperationName == "Q" }));
        app.MapIotAuthorizer((request, _, _) => ValueTask.FromResult<IotCustomAuthorizerResponse?>(new IotCustomAuthorizerResponse
        {
            IsAuthenticated = System.Text.Encoding.UTF8.GetString(request.ProtocolData!.Mqtt!.DecodePassword()) == "secret",
            PrincipalId = "device1",
            DisconnectAfterInSeconds = 600,
            RefreshAfterInSeconds = 300,
            PolicyDocuments = [],
        }));
        await using var host = await LambdaTestHost.StartAsync(app);

        var appSync = Text(await host.InvokeAsync(new AppSyncAuthorizerRequestEventBuilder("t").WithOperation("query Q { a }", "Q").ToJson()));
        var iot = JsonSerializer.Deserialize(Text(await host.InvokeAsync(new IotAuthorizerRequestEventBuilder("t").OverMqtt("device1", "u", "secret").ToJson())), LambdaEventsJsonContext.Default.IotCustomAuthorizerResponse)!;

        Assert.Equal("""{"isAuthorized":true}""", appSync);
        Assert.True(iot.IsAuthenticated);
    }
}
