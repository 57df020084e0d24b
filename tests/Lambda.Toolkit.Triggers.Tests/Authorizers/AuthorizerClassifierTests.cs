using System.Text;
using Lambda.Toolkit.Triggers.Authorizers;
using static Lambda.Toolkit.Triggers.Tests.Authorizers.AuthorizerSupport;

namespace Lambda.Toolkit.Triggers.Tests.Authorizers;

public class AuthorizerClassifierTests
{
    private static AuthorizerEventKind Classify(string json) => new InvocationContext("r", DateTimeOffset.UtcNow.AddMinutes(1), Encoding.UTF8.GetBytes(json)).Classify(AuthorizerClassifier.Instance);

    [Theory]
    [InlineData("authorizer", "api-gateway-authorizer.json", nameof(AuthorizerEventKind.Token))]
    [InlineData("authorizer", "apigw-custom-auth-request-type-request.json", nameof(AuthorizerEventKind.Request))]
    [InlineData("authorizer", "custom-authorizer-v2-request.json", nameof(AuthorizerEventKind.HttpApi))]
    [InlineData("appsync", "appsync-event-lambda-authorizer-request.json", nameof(AuthorizerEventKind.AppSync))]
    [InlineData("iot", "iot-custom-auth-request.json", nameof(AuthorizerEventKind.Iot))]
    [InlineData("iot", "iot-button-event.json", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("appsync", "appsync-event.json", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("apigateway-v1", "values-get-customauthorizer-apigateway-request.json", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("apigateway-v2", "http-api-v2-request-lambda-authorizer.json", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("apigateway-websocket", "websocket-api-connect-request.json", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("sqs", "docs-sqs-fifo-event.json", nameof(AuthorizerEventKind.Unknown))]
    public void Samples_are_told_apart(string folder, string file, string expected)
    {
        Assert.Equal(Enum.Parse<AuthorizerEventKind>(expected), Classify(ReadSample(folder, file)));
    }

    [Theory]
    [InlineData("""{"methodArn":"arn:aws:execute-api:r:1:a/s/GET/x","type":"OTHER"}""", nameof(AuthorizerEventKind.UnknownApiGatewayType))]
    [InlineData("""{"nested":{"type":"TOKEN","methodArn":"x"},"type":"REQUEST"}""", nameof(AuthorizerEventKind.Request))]
    [InlineData("""{"nested":{"routeArn":"x"}}""", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("""{"authorizationToken":"t","requestContext":{},"type":"X"}""", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("""{"token":"t"}""", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("""[1,2]""", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("""not json""", nameof(AuthorizerEventKind.Unknown))]
    [InlineData("""{"type":"TOKEN","methodArn":""", nameof(AuthorizerEventKind.Token))]
    public void Only_top_level_properties_count(string json, string expected) => Assert.Equal(Enum.Parse<AuthorizerEventKind>(expected), Classify(json));

    [Fact]
    public void Classifying_allocates_nothing()
    {
        var payload = File.ReadAllBytes(Sample("authorizer", "apigw-custom-auth-request-type-request.json"));
        AuthorizerClassifier.Instance.ClassifyPayload(payload);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var kind = AuthorizerClassifier.Instance.ClassifyPayload(payload);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(AuthorizerEventKind.Request, kind);
        Assert.Equal(0, allocated);
    }
}
