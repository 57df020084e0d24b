using System.Text.Json;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.AppSync;
using Lambda.Toolkit.Events.Authorizers;
using Lambda.Toolkit.Events.Iot;
using Lambda.Toolkit.Testing;
using Lambda.Toolkit.Triggers.Authorizers;
using static Lambda.Toolkit.Triggers.Tests.Authorizers.AuthorizerSupport;

namespace Lambda.Toolkit.Triggers.Tests.Authorizers;

/// <summary>Every authorizer sample of AWS's (authorizer/, the AppSync Lambda-authorizer pair, IoT) is read, round-trips, and can be produced.</summary>
public class AuthorizerSampleTests
{
    private static readonly LambdaEventsJsonContext Json = LambdaEventsJsonContext.Default;

    private static T Read<T>(string folder, string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        LambdaEventSerializer.Deserialize(ReadSample(folder, file), type);

    private static void AssertRoundTrips<T>(string folder, string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        var original = ReadSample(folder, file);
        var written = LambdaEventSerializer.SerializeToUtf8Bytes(LambdaEventSerializer.Deserialize(original, type), type);
        Assert.True(SameJson(original, written), $"{file} changed in a round trip: {System.Text.Encoding.UTF8.GetString(written)}");
    }

    [Fact]
    public void The_TOKEN_request_sample_parses_and_its_placeholder_method_ARN_splits_into_parts()
    {
        var request = Read("authorizer", "api-gateway-authorizer.json", Json.ApiGatewayAuthorizerRequest);

        Assert.Equal("TOKEN", request.Type);
        Assert.Equal("incoming-client-token", request.AuthorizationToken);
        var arn = MethodArn.Parse(request.MethodArn!);
        Assert.Equal(("{partition}", "[region]", "[account_id]", "[restApiId]", "[stage]", "[method]", "[resourcePath]"), (arn.Partition, arn.Region, arn.AccountId, arn.ApiId, arn.Stage, arn.Verb, arn.ResourcePath));
    }

    [Fact]
    public void The_REQUEST_request_sample_parses_with_headers_parameters_and_client_certificate()
    {
        var request = Read("authorizer", "apigw-custom-auth-request-type-request.json", Json.ApiGatewayAuthorizerRequest);

        Assert.Equal("REQUEST", request.Type);
        Assert.Equal("headerValue1", request.GetHeader("headerauth1"));
        Assert.Equal(["queryValue1"], request.MultiValueQueryStringParameters!["QueryString1"]);
        Assert.Equal("stageValue1", request.StageVariables!["StageVar1"]);
        Assert.Equal("s4x3opwd6i", request.RequestContext!.ApiId);
        Assert.Equal("1", request.RequestContext.Identity!.ClientCert!.SerialNumber);
        var arn = MethodArn.Parse(request.MethodArn!);
        Assert.Equal(("aws", "us-east-1", "123456789012", "s4x3opwd6i", "test", "GET", "request"), (arn.Partition, arn.Region, arn.AccountId, arn.ApiId, arn.Stage, arn.Verb, arn.ResourcePath));
    }

    [Fact]
    public void The_HTTP_API_request_sample_parses_with_its_route_ARN_and_identity_sources()
    {
        var request = Read("authorizer", "custom-authorizer-v2-request.json", Json.HttpApiAuthorizerRequest);

        Assert.Equal("2.0", request.Version);
        Assert.Equal(["user1", "123"], request.IdentitySource);
        Assert.Equal("POST", request.RequestContext!.Http.Method);
        Assert.Equal(1583348638390, request.RequestContext.TimeEpoch);
        Assert.Equal("abcdef123", MethodArn.Parse(request.RouteArn!).ApiId);
    }

    [Theory]
    [InlineData("api-gateway-authorizer.json")]
    [InlineData("apigw-custom-auth-request-type-request.json")]
    public void The_REST_request_samples_round_trip(string file) => AssertRoundTrips("authorizer", file, Json.ApiGatewayAuthorizerRequest);

    [Fact]
    public void The_response_samples_round_trip()
    {
        AssertRoundTrips("authorizer", "custom-authorizer-v2-request.json", Json.HttpApiAuthorizerRequest);
        AssertRoundTrips("authorizer", "apigw-custom-auth-response.json", Json.ApiGatewayAuthorizerResponse);
        AssertRoundTrips("authorizer", "custom-authorizer-v2-simple-response.json", Json.HttpApiSimpleAuthorizerResponse);
    }

    [Fact]
    public void The_policy_builder_produces_the_REST_response_sample_up_to_its_placeholders()
    {
        var sample = Read("authorizer", "apigw-custom-auth-response.json", Json.ApiGatewayAuthorizerResponse);
        var resource = sample.PolicyDocument!.Statement![0].Resource![0];
        var request = new ApiGatewayAuthorizerRequest { Type = "TOKEN", MethodArn = "arn:aws:execute-api:us-east-1:123456789012:abc/prod/GET/orders" };

        var built = AuthorizerPolicy.For(request, "yyyyyyyy")
            .Allow(resource)
            .WithContext("stringKey", "value")
            .WithContext("numberKey", "1")
            .WithContext("booleanKey", "true")
            .WithUsageIdentifierKey("{api-key}")
            .ToResponse();

        Assert.Equal(sample.PrincipalId, built.PrincipalId);
        Assert.Equal(sample.PolicyDocument.Version, built.PolicyDocument!.Version);
        var statement = Assert.Single(built.PolicyDocument.Statement!);
        Assert.Equal(sample.PolicyDocument.Statement[0].Action!, statement.Action!);
        Assert.Equal("Allow", statement.Effect);
        Assert.Equal(sample.PolicyDocument.Statement[0].Resource!, statement.Resource!);
        Assert.Equal(sample.Context, built.Context);
        Assert.Equal(sample.UsageIdentifierKey, built.UsageIdentifierKey);
    }

    [Fact]
    public void The_simple_response_sample_is_what_a_handler_answer_writes()
    {
        var answer = new HttpApiSimpleAuthorizerResponse { IsAuthorized = true, Context = new() { ["exampleKey"] = "exampleValue" } };

        Assert.True(SameJson(ReadSample("authorizer", "custom-authorizer-v2-simple-response.json"), LambdaEventSerializer.SerializeToUtf8Bytes(answer, Json.HttpApiSimpleAuthorizerResponse)));
    }

    [Fact]
    public void The_AppSync_authorizer_request_and_response_samples_parse_and_round_trip()
    {
        var request = Read("appsync", "appsync-event-lambda-authorizer-request.json", Json.AppSyncAuthorizerRequest);
        var response = Read("appsync", "appsync-event-lambda-authorizer-response.json", Json.AppSyncAuthorizerResponse);

        Assert.Equal("custom-token", request.AuthorizationToken);
        Assert.Equal("MyQuery", request.RequestContext!.OperationName);
        Assert.Empty(request.RequestContext.Variables!);
        Assert.Equal("This is test token", request.RequestHeaders!["authorization"]);
        Assert.True(response.IsAuthorized);
        Assert.Equal("test-user-id", response.ResolverContext!["userid"].ToString());
        Assert.Equal(["arn:aws:appsync:us-east-1:1234567890:apis/xxxxxx/types/Event/fields/comments", "Mutation.createEvent"], response.DeniedFields);
        Assert.Equal(10, response.TtlOverride);
        AssertRoundTrips("appsync", "appsync-event-lambda-authorizer-request.json", Json.AppSyncAuthorizerRequest);
        AssertRoundTrips("appsync", "appsync-event-lambda-authorizer-response.json", Json.AppSyncAuthorizerResponse);
    }

    [Fact]
    public void The_IoT_custom_authorizer_request_and_response_samples_parse_and_round_trip()
    {
        var request = Read("iot", "iot-custom-auth-request.json", Json.IotCustomAuthorizerRequest);
        var response = Read("iot", "iot-custom-auth-response.json", Json.IotCustomAuthorizerResponse);

        Assert.Equal("aToken", request.Token);
        Assert.True(request.SignatureVerified);
        Assert.Equal(["tls", "http", "mqtt"], request.Protocols);
        Assert.Equal("serverName", request.ProtocolData!.Tls!.ServerName);
        Assert.Equal("abc123", request.ProtocolData.Http!.Headers!["X-Request-ID"]);
        Assert.Equal("myPassword", System.Text.Encoding.UTF8.GetString(request.ProtocolData.Mqtt!.DecodePassword()));
        Assert.Equal("e56f08c3-c559-490f-aa9f-7e8427d0f57b", request.ConnectionMetadata!.Id);
        Assert.True(response.IsAuthenticated);
        Assert.Equal(86400, response.DisconnectAfterInSeconds);
        var policy = Assert.Single(response.PolicyDocuments!);
        Assert.False(policy.IsJsonString);
        Assert.Equal("iot:Publish", Assert.Single(policy.Document.Statement!).Action![0]);
        AssertRoundTrips("iot", "iot-custom-auth-request.json", Json.IotCustomAuthorizerRequest);
        AssertRoundTrips("iot", "iot-custom-auth-response.json", Json.IotCustomAuthorizerResponse);
    }

    [Fact]
    public void IoT_policy_documents_given_as_JSON_strings_as_IoT_Core_documents_them_are_read_and_written_back_as_strings()
    {
        const string json = """{"isAuthenticated":true,"principalId":"abc","policyDocuments":["{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"iot:Connect\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]}"]}""";

        var response = LambdaEventSerializer.Deserialize(json, Json.IotCustomAuthorizerResponse);
        var written = LambdaEventSerializer.SerializeToUtf8Bytes(response, Json.IotCustomAuthorizerResponse);

        var policy = Assert.Single(response.PolicyDocuments!);
        Assert.True(policy.IsJsonString);
        Assert.Equal("iot:Connect", policy.Document.Statement![0].Action![0]);
        Assert.True(SameJson(json, written));
    }

    [Fact]
    public void A_context_value_that_is_an_object_is_refused_with_the_path()
    {
        var ex = Assert.Throws<EventDeserializationException>(() =>
            LambdaEventSerializer.Deserialize("""{"isAuthorized":true,"context":{"nested":{"a":1}}}""", Json.HttpApiSimpleAuthorizerResponse));

        Assert.Contains("$.context.nested", ex.Message, StringComparison.Ordinal);
        Assert.Contains("string, a number or a boolean", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[{"Action":7}]}}""", "$.policyDocument.Statement[0].Action", "string or an array of strings")]
    [InlineData("""{"principalId":"p","policyDocument":{"Statement":[{"Resource":["a",null]}]}}""", "$.policyDocument.Statement[0].Resource", "strings only")]
    public void A_policy_value_that_is_not_strings_is_refused_with_the_path(string json, string path, string reason)
    {
        var ex = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(json, Json.ApiGatewayAuthorizerResponse));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"isAuthenticated":true,"policyDocuments":["not json"]}""", "not a JSON policy")]
    [InlineData("""{"isAuthenticated":true,"policyDocuments":[1]}""", "a JSON string or an object")]
    public void An_IoT_policy_document_that_is_not_a_policy_is_refused_with_the_path(string json, string reason)
    {
        var ex = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(json, Json.IotCustomAuthorizerResponse));

        Assert.Contains("$.policyDocuments[0]", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_numbers_keep_their_written_form_and_values_keep_their_kind()
    {
        const string json = """{"isAuthorized":true,"context":{"n":1.50,"b":false,"s":"1"}}""";

        var response = LambdaEventSerializer.Deserialize(json, Json.HttpApiSimpleAuthorizerResponse);

        Assert.Equal("""{"isAuthorized":true,"context":{"n":1.50,"b":false,"s":"1"}}""", System.Text.Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(response, Json.HttpApiSimpleAuthorizerResponse)));
        Assert.Equal(AuthorizerContextValueKind.Number, response.Context!["n"].Kind);
        Assert.Equal(1.5m, response.Context["n"].GetDecimal());
        Assert.False(response.Context["b"].GetBoolean());
        Assert.NotEqual(response.Context["s"], (AuthorizerContextValue)1);
    }

    [Fact]
    public async Task The_IoT_button_event_is_a_device_payload_a_typed_handler_takes_with_its_own_type()
    {
        var app = App();
        app.MapHandler((IotButtonPress press, InvocationContext _, CancellationToken _) => ValueTask.FromResult(press.ClickType + ":" + press.SerialNumber), ButtonJson.Default.IotButtonPress, ButtonJson.Default.String);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Sample("iot", "iot-button-event.json"));

        Assert.Equal("\"SINGLE:ABCDEFG12345\"", Text(result));
    }
}

/// <summary>The AWS IoT button's payload, as a user of the toolkit would declare it.</summary>
public sealed record IotButtonPress(
    [property: JsonPropertyName("serialNumber")] string SerialNumber,
    [property: JsonPropertyName("clickType")] string ClickType,
    [property: JsonPropertyName("batteryVoltage")] string BatteryVoltage);

[JsonSerializable(typeof(IotButtonPress))]
[JsonSerializable(typeof(string))]
internal sealed partial class ButtonJson : JsonSerializerContext;
