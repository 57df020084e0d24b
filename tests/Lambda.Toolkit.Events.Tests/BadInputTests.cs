using System.Text;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.DynamoDb;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Events.S3;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Events.Tests;

public class BadInputTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    [Theory]
    [InlineData("", "$", "empty")]
    [InlineData("not json", "$", "")]
    [InlineData("null", "$", "null")]
    [InlineData("{}", "$", "Records")]
    [InlineData("""{"Records":{}}""", "$.Records", "")]
    [InlineData("""{"Records":[{"body":"b"}]}""", "$.Records[0]", "messageId")]
    [InlineData("""{"Records":[{"messageId":7,"body":"b"}]}""", "$.Records[0].messageId", "")]
    public void Sqs_events_of_the_wrong_shape_fail_with_the_type_and_the_path(string json, string path, string mentions)
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(Encoding.UTF8.GetBytes(json), Context.SqsEvent));

        Assert.Equal(typeof(SqsEvent), error.EventType);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(mentions, error.Message);
        Assert.StartsWith("The payload is not a valid SqsEvent at " + path, error.Message);
    }

    [Fact]
    public void Required_fields_AWS_always_sends_are_enforced()
    {
        Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize("""{"Records":[{"s3":{"bucket":{"name":"b"}}}]}""", Context.S3Event));
        Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize("""{"rawPath":"/"}""", Context.HttpApiRequest));
        Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize("""{"path":"/"}""", Context.ApiGatewayProxyRequest));
        Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize("""{"Records":[{"eventName":"INSERT"}]}""", Context.DynamoDbEvent));
    }

    [Fact]
    public void Unknown_fields_are_ignored()
    {
        var sqs = LambdaEventSerializer.Deserialize("""{"Records":[{"messageId":"m","body":"b","futureField":{"x":[1]}}],"alsoNew":true}""", Context.SqsEvent);

        Assert.Equal("m", sqs.Records[0].MessageId);
    }

    [Fact]
    public void A_byte_order_mark_is_accepted()
    {
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat("""{"Records":[]}"""u8.ToArray()).ToArray();

        Assert.Empty(LambdaEventSerializer.Deserialize(withBom, Context.S3Event).Records);
    }

    [Fact]
    public void A_stream_record_without_images_reads_with_null_images()
    {
        var dynamo = LambdaEventSerializer.Deserialize("""{"Records":[{"eventName":"REMOVE","dynamodb":{"SequenceNumber":"5","Keys":{"id":{"S":"1"}}}}]}""", Context.DynamoDbEvent);

        Assert.Null(dynamo.Records[0].DynamoDb.NewImage);
        Assert.Null(dynamo.Records[0].DynamoDb.OldImage);
        Assert.Equal("1", dynamo.Records[0].DynamoDb.Keys!["id"].S);
    }

    [Fact]
    public void An_event_read_as_the_wrong_type_fails_clearly()
    {
        var sqsJson = SampleEvents.Read("sqs/sqs-event.json");

        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(sqsJson, Context.HttpApiRequest));

        Assert.Equal(typeof(HttpApiRequest), error.EventType);
    }

    [Fact]
    public void The_exception_never_contains_the_payload()
    {
        const string secret = "4111-1111-1111-1111";
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize("{\"Records\":[{\"messageId\":\"m\",\"body\":{\"card\":\"" + secret + "\"}}]}", Context.SqsEvent));

        Assert.DoesNotContain(secret, error.Message);
        Assert.Equal("$.Records[0].body", error.JsonPath);
    }

    [Fact]
    public void Models_build_by_hand_for_tests()
    {
        var request = new ApiGatewayProxyRequest { HttpMethod = "GET", Path = "/orders", Headers = new() { ["Accept"] = "application/json" } };
        var bytes = LambdaEventSerializer.SerializeToUtf8Bytes(request, Context.ApiGatewayProxyRequest);

        Assert.Equal("""{"path":"/orders","httpMethod":"GET","headers":{"Accept":"application/json"}}""", Encoding.UTF8.GetString(bytes));
        Assert.Equal("a.txt", new S3Object { Key = "a.txt" }.DecodedKey);
        Assert.Equal(DynamoDbChange.Unknown, new DynamoDbRecord { DynamoDb = new DynamoDbStreamRecord { SequenceNumber = "1" } }.Change);
    }
}
