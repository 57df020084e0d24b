using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing.Events;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary>Each form of <see cref="AuthorizerRequestEventBuilder"/> has the shape of AWS's authorizer sample and round-trips through its model.</summary>
public sealed class AuthorizerEventBuilderTests
{
    private static readonly string[] RestMaps = ["headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables"];

    private static void AssertRoundTrips<T>(byte[] json, JsonTypeInfo<T> type)
    {
        var again = JsonSerializer.SerializeToUtf8Bytes(LambdaEventSerializer.Deserialize(json, type), type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)), "The event changed in a round trip through " + typeof(T).Name);
    }

    [Fact]
    public void A_TOKEN_event_has_the_shape_of_the_AWS_sample_and_a_method_ARN_of_its_parts()
    {
        var builder = AuthorizerRequestEventBuilder.Token("Bearer abc", "post", "orders/1").InRegion("eu-west-1").InAccount("111122223333").ForApi("api1").OnStage("dev");

        var json = builder.ToJson();
        var request = builder.Build();

        JsonShape.AssertSameShape(JsonShape.Paths("authorizer/api-gateway-authorizer.json"), JsonShape.Paths(json), sampleOnly: [], builtOnly: []);
        Assert.Equal("arn:aws:execute-api:eu-west-1:111122223333:api1/dev/POST/orders/1", request.MethodArn);
        Assert.Equal(("TOKEN", "Bearer abc"), (request.Type, request.AuthorizationToken));
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.ApiGatewayAuthorizerRequest);
    }

    [Fact]
    public void A_REQUEST_event_has_the_shape_of_the_AWS_sample()
    {
        var json = AuthorizerRequestEventBuilder.Request("GET", "/request").WithHeader("HeaderAuth1", "headerValue1").WithQuery("QueryString1", "queryValue1").ToJson();

        JsonShape.AssertSameShape(
            JsonShape.Paths("authorizer/apigw-custom-auth-request-type-request.json", RestMaps),
            JsonShape.Paths(json, RestMaps),
            sampleOnly: ["requestContext.identity.apiKey", "requestContext.identity.clientCert", "requestContext.identity.clientCert.clientCertPem", "requestContext.identity.clientCert.issuerDN", "requestContext.identity.clientCert.serialNumber", "requestContext.identity.clientCert.subjectDN", "requestContext.identity.clientCert.validity", "requestContext.identity.clientCert.validity.notAfter", "requestContext.identity.clientCert.validity.notBefore", "stageVariables.*"],
            builtOnly: ["requestContext.domainName", "requestContext.requestTime", "requestContext.requestTimeEpoch"]);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.ApiGatewayAuthorizerRequest);
    }

    [Fact]
    public void A_WebSocket_connect_event_has_a_connect_method_ARN_and_a_connection_id()
    {
        var request = AuthorizerRequestEventBuilder.WebSocketConnect().ForApi("ws1").OnStage("prod").WithQuery("token", "abc").Build();

        Assert.Equal("REQUEST", request.Type);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:ws1/prod/$connect", request.MethodArn);
        Assert.False(string.IsNullOrEmpty(request.RequestContext!.ConnectionId));
        Assert.Null(request.HttpMethod);
        Assert.Equal("abc", request.QueryStringParameters!["token"]);
    }

    [Fact]
    public void An_HTTP_API_event_has_the_shape_of_the_AWS_payload_2_0_sample_with_its_identity_sources()
    {
        var builder = AuthorizerRequestEventBuilder.HttpApi("GET", "/my/path").WithHeader("Authorization", "user1", identitySource: true).WithQuery("parameter1", "value1").WithQuery("parameter1", "value2");

        var json = builder.ToJson();
        var request = builder.BuildHttpApi();

        JsonShape.AssertSameShape(
            JsonShape.Paths("authorizer/custom-authorizer-v2-request.json", ["headers", "queryStringParameters", "pathParameters", "stageVariables"]),
            JsonShape.Paths(json, ["headers", "queryStringParameters", "pathParameters", "stageVariables"]),
            sampleOnly: ["cookies", "pathParameters", "pathParameters.*", "stageVariables", "stageVariables.*", "requestContext.authentication", "requestContext.authentication.clientCert", "requestContext.authentication.clientCert.clientCertPem", "requestContext.authentication.clientCert.issuerDN", "requestContext.authentication.clientCert.serialNumber", "requestContext.authentication.clientCert.subjectDN", "requestContext.authentication.clientCert.validity", "requestContext.authentication.clientCert.validity.notAfter", "requestContext.authentication.clientCert.validity.notBefore", "requestContext.http.userAgent"],
            builtOnly: []);
        Assert.Equal(["user1"], request.IdentitySource);
        Assert.Equal("user1", request.Headers!["authorization"]);
        Assert.Equal("value1,value2", request.QueryStringParameters!["parameter1"]);
        Assert.Equal("parameter1=value1&parameter1=value2", request.RawQueryString);
        Assert.Equal("arn:aws:execute-api:us-east-1:123456789012:" + request.RequestContext!.ApiId + "/$default/GET/my/path", request.RouteArn);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.HttpApiAuthorizerRequest);
    }

    [Fact]
    public void Building_the_other_form_says_which_build_to_call()
    {
        Assert.Contains("BuildHttpApi", Assert.Throws<InvalidOperationException>(() => AuthorizerRequestEventBuilder.HttpApi("GET", "/").Build()).Message, StringComparison.Ordinal);
        Assert.Contains("Build()", Assert.Throws<InvalidOperationException>(() => AuthorizerRequestEventBuilder.Token("t").BuildHttpApi()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_AppSync_authorizer_event_has_the_shape_of_the_AWS_sample()
    {
        var json = new AppSyncAuthorizerRequestEventBuilder("custom-token").WithOperation("query MyQuery { listTodos { id } }", "MyQuery").WithHeader("X-Forwarded-For", "192.0.2.1").ToJson();
        var request = LambdaEventSerializer.Deserialize(json, LambdaEventsJsonContext.Default.AppSyncAuthorizerRequest);

        JsonShape.AssertSameShape(
            JsonShape.Paths("appsync/appsync-event-lambda-authorizer-request.json", ["requestHeaders", "variables"]),
            JsonShape.Paths(json, ["requestHeaders", "variables"]),
            sampleOnly: [],
            builtOnly: []);
        Assert.Equal("custom-token", request.RequestHeaders!["authorization"]);
        Assert.Equal("192.0.2.1", request.RequestHeaders["x-forwarded-for"]);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.AppSyncAuthorizerRequest);
    }

    [Fact]
    public void An_IoT_authorizer_event_has_the_shape_of_the_AWS_sample_with_a_base64_MQTT_password()
    {
        var json = new IotAuthorizerRequestEventBuilder("aToken").WithVerifiedSignature().OverMqtt("myClientId", "myUserName", "myPassword")
            .OverHttp(new Dictionary<string, string> { ["X-Request-ID"] = "abc123" }, "?foo=bar").ToJson();
        var request = LambdaEventSerializer.Deserialize(json, LambdaEventsJsonContext.Default.IotCustomAuthorizerRequest);

        JsonShape.AssertSameShape(JsonShape.Paths("iot/iot-custom-auth-request.json", ["headers"]), JsonShape.Paths(json, ["headers"]), sampleOnly: [], builtOnly: []);
        Assert.Equal(["tls", "http", "mqtt"], request.Protocols);
        Assert.Equal("bXlQYXNzd29yZA==", request.ProtocolData!.Mqtt!.Password);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.IotCustomAuthorizerRequest);
    }
}
