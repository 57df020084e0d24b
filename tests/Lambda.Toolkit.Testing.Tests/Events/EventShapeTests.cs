using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Testing.Events;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary>
/// Each builder's JSON has the property paths of the matching AWS sample event (less optional fields it leaves out,
/// plus fields real events carry that the sample lacks), and round-trips through the event models unchanged.
/// </summary>
public sealed class EventShapeTests
{
    private static readonly string[] HttpMaps = ["headers", "multiValueHeaders", "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables"];

    private static void AssertRoundTrips<T>(byte[] json, JsonTypeInfo<T> type)
    {
        var model = LambdaEventSerializer.Deserialize(json, type);
        var again = JsonSerializer.SerializeToUtf8Bytes(model, type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(again)), "The event changed in a round trip through " + typeof(T).Name);
    }

    [Fact]
    public void A_standard_SQS_batch_has_the_shape_of_the_AWS_sample()
    {
        var json = new SqsEventBuilder("orders")
            .AddMessage("hello", m => m.WithStringAttribute("kind", "greeting").WithBinaryAttribute("blob", [1, 2, 3]))
            .ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("sqs/sqs-event.json", ["messageAttributes"]), JsonShape.Paths(json, ["messageAttributes"]), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.SqsEvent);
    }

    [Fact]
    public void A_FIFO_SQS_batch_has_the_shape_of_the_AWS_FIFO_sample()
    {
        var json = new SqsEventBuilder("orders.fifo").AddMessage("one", m => m.GroupId = "g").ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("sqs/docs-sqs-fifo-event.json", ["messageAttributes"]), JsonShape.Paths(json, ["messageAttributes"]), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.SqsEvent);
    }

    [Fact]
    public void A_REST_API_request_has_the_shape_of_the_AWS_proxy_sample()
    {
        var json = new HttpRequestEventBuilder("POST", "/hello/world?name=me").WithJsonBody(1, JsonContext.Default.Int32).ToJson(HttpEventSource.RestApi);

        JsonShape.AssertSameShape(
            JsonShape.Paths("apigateway-v1/proxy-event.json", HttpMaps),
            JsonShape.Paths(json, HttpMaps),
            sampleOnly:
            [
                "stageVariables", "stageVariables.*", "requestContext.connectionId",
                "requestContext.identity.cognitoIdentityPoolId", "requestContext.identity.accountId", "requestContext.identity.cognitoIdentityId",
                "requestContext.identity.caller", "requestContext.identity.apiKey", "requestContext.identity.cognitoAuthenticationType",
                "requestContext.identity.cognitoAuthenticationProvider", "requestContext.identity.userArn", "requestContext.identity.user",
                "requestContext.identity.accessKey", "requestContext.identity.clientCert", "requestContext.identity.clientCert.clientCertPem",
                "requestContext.identity.clientCert.subjectDN", "requestContext.identity.clientCert.issuerDN", "requestContext.identity.clientCert.serialNumber",
                "requestContext.identity.clientCert.validity", "requestContext.identity.clientCert.validity.notBefore", "requestContext.identity.clientCert.validity.notAfter",
            ],
            builtOnly:
            [
                "multiValueHeaders", "multiValueHeaders.*", "multiValueQueryStringParameters", "multiValueQueryStringParameters.*",
                "isBase64Encoded", "requestContext.extendedRequestId", "requestContext.path", "requestContext.protocol", "requestContext.domainPrefix",
            ]);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.ApiGatewayProxyRequest);
    }

    [Fact]
    public void An_HTTP_API_request_has_the_shape_of_the_AWS_v2_sample()
    {
        var json = new HttpRequestEventBuilder("POST", "/my/path?parameter1=value1&parameter1=value2")
            .WithRoute("/my/{parameter1}")
            .WithCookie("cookie1", "a")
            .WithTextBody("Hello from Lambda")
            .ToJson(HttpEventSource.HttpApi);

        JsonShape.AssertSameShape(JsonShape.Paths("apigateway-v2/http-api-v2-request.json", HttpMaps), JsonShape.Paths(json, HttpMaps), sampleOnly: V2Optional, builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.HttpApiRequest);
    }

    [Fact]
    public void A_function_URL_request_has_the_shape_of_the_AWS_v2_sample_without_route_parameters()
    {
        var json = new HttpRequestEventBuilder("GET", "/my/path?parameter1=value1").WithCookie("cookie1", "a").WithBinaryBody([0, 1, 2]).ToJson(HttpEventSource.FunctionUrl);

        JsonShape.AssertSameShape(JsonShape.Paths("apigateway-v2/http-api-v2-request.json", HttpMaps), JsonShape.Paths(json, HttpMaps), sampleOnly: [.. V2Optional, "pathParameters", "pathParameters.*", "requestContext.routeId"], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.HttpApiRequest);
    }

    private static readonly string[] V2Optional =
    [
        "stageVariables", "stageVariables.*",
        "requestContext.authentication", "requestContext.authentication.clientCert", "requestContext.authentication.clientCert.clientCertPem",
        "requestContext.authentication.clientCert.subjectDN", "requestContext.authentication.clientCert.issuerDN", "requestContext.authentication.clientCert.serialNumber",
        "requestContext.authentication.clientCert.validity", "requestContext.authentication.clientCert.validity.notBefore", "requestContext.authentication.clientCert.validity.notAfter",
        "requestContext.authorizer", "requestContext.authorizer.jwt", "requestContext.authorizer.jwt.claims", "requestContext.authorizer.jwt.claims.claim1",
        "requestContext.authorizer.jwt.claims.claim2", "requestContext.authorizer.jwt.scopes",
    ];

    [Theory]
    [InlineData(HttpEventSource.Alb, "alb/alb-request-single-value.json")]
    [InlineData(HttpEventSource.AlbMultiValue, "alb/alb-request-multi-value.json")]
    public void An_ALB_request_has_the_shape_of_the_AWS_sample(HttpEventSource source, string sample)
    {
        var json = new HttpRequestEventBuilder("GET", "/?query1=value1").WithHeader("head1", "value1").WithTextBody("text").ToJson(source);

        JsonShape.AssertSameShape(JsonShape.Paths(sample, HttpMaps), JsonShape.Paths(json, HttpMaps), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.AlbRequest);
    }

    [Fact]
    public void A_Kinesis_batch_has_the_shape_of_the_AWS_sample()
    {
        var json = new KinesisEventBuilder("simple-stream").AddRecord("Hello World", "s1").AddRecord("Hello World", "s1").ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("kinesis/kinesis-event.json"), JsonShape.Paths(json), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.KinesisEvent);
    }

    [Fact]
    public void A_DynamoDB_Streams_batch_has_the_shape_of_the_AWS_sample()
    {
        var json = new DynamoDbStreamEventBuilder("Example-Table")
            .AddInsert(new Item("p1", 9.5m), JsonContext.Default.Item)
            .AddRemove(new Item("p1", 9.5m), JsonContext.Default.Item, expiredByTimeToLive: true)
            .ToJson();

        string[] images = ["Keys", "NewImage", "OldImage"];
        JsonShape.AssertSameShape(JsonShape.Paths("dynamodb/dynamodb-event.json", opaque: images), JsonShape.Paths(json, opaque: images), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.DynamoDbEvent);
    }

    [Fact]
    public void An_S3_notification_has_the_shape_of_the_AWS_sample()
    {
        var json = new S3EventBuilder("sourcebucket").AddObjectCreated("HappyFace.jpg").AddObjectCreated("New File.jpg").ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("s3/s3-event.json"), JsonShape.Paths(json), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.S3Event);
    }

    [Fact]
    public void An_SNS_notification_has_the_shape_of_the_AWS_sample()
    {
        var json = new SnsEventBuilder().AddMessage("Hello from SNS!", "TestInvoke", [new("Test", "TestString")]).ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("sns/sns-event.json", ["MessageAttributes"]), JsonShape.Paths(json, ["MessageAttributes"]), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.SnsEvent);
    }

    [Fact]
    public void A_scheduled_EventBridge_event_has_the_shape_of_the_AWS_sample()
    {
        var json = EventBridgeEventBuilder.Scheduled("my-schedule").ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("eventbridge/scheduled-event.json", opaque: ["detail"]), JsonShape.Paths(json, opaque: ["detail"]), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.EventBridgeEventJsonElement);
    }

    [Fact]
    public void A_CloudWatch_Logs_event_has_the_shape_of_the_AWS_sample_and_its_data_decodes()
    {
        var json = new CloudWatchLogsEventBuilder("testLogGroup").InStream("testLogStream").WithFilter("testFilter")
            .AddLogEvent("[ERROR] First test message").AddLogEvent("[ERROR] Second test message").ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("cloudwatch-logs/logs-event.json"), JsonShape.Paths(json), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.CloudWatchLogsEvent);
        var sample = LambdaEventSerializer.Deserialize(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", "cloudwatch-logs", "logs-event.json")), LambdaEventsJsonContext.Default.CloudWatchLogsEvent).Decode();
        var built = LambdaEventSerializer.Deserialize(json, LambdaEventsJsonContext.Default.CloudWatchLogsEvent).Decode();
        JsonShape.AssertSameShape(
            JsonShape.Paths(JsonSerializer.SerializeToUtf8Bytes(sample, LambdaEventsJsonContext.Default.CloudWatchLogsData)),
            JsonShape.Paths(JsonSerializer.SerializeToUtf8Bytes(built, LambdaEventsJsonContext.Default.CloudWatchLogsData)),
            sampleOnly: [],
            builtOnly: []);
        Assert.Equal(["[ERROR] First test message", "[ERROR] Second test message"], built.LogEvents!.Select(e => e.Message));
        Assert.All(built.LogEvents!, e => Assert.Equal(56, e.Id.Length));
        Assert.Equal(("testLogGroup", "testLogStream", "123456789012"), (built.LogGroup, built.LogStream, built.Owner));
    }

    [Fact]
    public void A_CloudWatch_Logs_control_message_carries_no_log_events_of_the_caller()
    {
        var data = new CloudWatchLogsEventBuilder().AddLogEvent("ignored").AsControlMessage().Build().Decode();

        Assert.True(data.IsControlMessage);
        Assert.DoesNotContain(data.LogEvents!, e => e.Message == "ignored");
    }

    [Fact]
    public void A_Firehose_event_has_the_shape_of_the_AWS_samples()
    {
        var json = new FirehoseEventBuilder("lambda-test").AddRecord("hello world").AddRecord([0xCA, 0xFE]).ToJson();
        var fromStream = new FirehoseEventBuilder().FromKinesisStream("clicks").AddRecord("Hello, this is a test 123.", "pk-1").ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("firehose/kinesis-firehose-event.json"), JsonShape.Paths(json), sampleOnly: [], builtOnly: []);
        JsonShape.AssertSameShape(JsonShape.Paths("firehose/kinesis-firehose-streams-as-source.json"), JsonShape.Paths(fromStream), sampleOnly: [], builtOnly: ["sourceKinesisStreamArn"]);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.FirehoseEvent);
        AssertRoundTrips(fromStream, LambdaEventsJsonContext.Default.FirehoseEvent);
        var records = LambdaEventSerializer.Deserialize(json, LambdaEventsJsonContext.Default.FirehoseEvent).Records;
        Assert.Equal("hello world"u8.ToArray(), records[0].DecodeData());
        Assert.Equal(new byte[] { 0xCA, 0xFE }, records[1].DecodeData());
        Assert.NotEqual(records[0].RecordId, records[1].RecordId);
        Assert.Equal("pk-1", LambdaEventSerializer.Deserialize(fromStream, LambdaEventsJsonContext.Default.FirehoseEvent).Records[0].KinesisRecordMetadata!.PartitionKey);
    }

    [Fact]
    public void A_self_managed_Kafka_batch_has_the_shape_of_the_AWS_docs_sample()
    {
        var json = new KafkaEventBuilder("mytopic").FromSelfManagedCluster()
            .AddRecord("Hello, this is a test.", key: "k", headers: [new("headerKey", "headerValue")])
            .ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("kafka/docs-self-managed-kafka-event.json", ["records"]), JsonShape.Paths(json, ["records"]), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.KafkaEvent);
    }

    [Fact]
    public void An_MSK_batch_has_the_shape_of_the_AWS_sample()
    {
        var json = new KafkaEventBuilder("mytopic").AddRecord("a", partition: 0, key: "k", headers: [new("Id", "1")]).AddRecord("b", partition: 3).AddTombstone("k", partition: 3).ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("kafka/kafka-event.json", ["records"], opaque: ["headers"]), JsonShape.Paths(json, ["records"], opaque: ["headers"]), sampleOnly: [], builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.KafkaEvent);
    }

    [Fact]
    public void An_ActiveMQ_batch_has_the_shape_of_the_AWS_sample()
    {
        var json = new ActiveMqEventBuilder("testQueue").AddMessage("ABC:AAAA", properties: new Dictionary<string, string> { ["testKey"] = "testValue" }).AddMessage([1, 2, 3]).ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("mq/amazonmq-activemq.json", ["properties"]), JsonShape.Paths(json, ["properties"]),
            sampleOnly: ["messages[].destination.physicalname", "messages[].persistent"], // the sample spells it in lower case; persistent is optional
            builtOnly: ["messages[].destination.physicalName"]); // as Lambda's documentation spells it
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.ActiveMqEvent);
    }

    [Fact]
    public void A_RabbitMQ_batch_has_the_shape_of_the_AWS_sample()
    {
        var json = new RabbitMqEventBuilder("pizzaQueue").AddMessage("Hello World", messageId: "m-1", headers: new Dictionary<string, string> { ["header1"] = "value1" }).AddMessage(new Item("p1", 9.5m), JsonContext.Default.Item).ToJson();

        JsonShape.AssertSameShape(JsonShape.Paths("mq/amazonmq-rabbitmq.json", ["rmqMessagesByQueue", "headers"]), JsonShape.Paths(json, ["rmqMessagesByQueue", "headers"]),
            sampleOnly: [.. new[] { "appId", "clusterId", "contentEncoding", "correlationId", "expiration", "replyTo", "type" }.Select(p => "rmqMessagesByQueue.*[].basicProperties." + p)], // null or optional there; nulls are left out
            builtOnly: []);
        AssertRoundTrips(json, LambdaEventsJsonContext.Default.RabbitMqEvent);
    }
}
