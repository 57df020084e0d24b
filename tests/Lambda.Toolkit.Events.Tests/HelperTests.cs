using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Alb;
using Lambda.Toolkit.Events.ApiGateway;
using Lambda.Toolkit.Events.DynamoDb;
using Lambda.Toolkit.Events.EventBridge;
using Lambda.Toolkit.Events.HttpApi;
using Lambda.Toolkit.Events.Kinesis;
using Lambda.Toolkit.Events.S3;
using Lambda.Toolkit.Events.Sns;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Events.Tests;

public partial class HelperTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    [Theory]
    [InlineData("HappyFace.jpg", "HappyFace.jpg")]
    [InlineData("New+File.jpg", "New File.jpg")]
    [InlineData("a%2Bb+c%25d", "a+b c%d")]
    [InlineData("dir%2Fsub%2F%C3%A9t%C3%A9.txt", "dir/sub/été.txt")]
    public void S3_keys_are_decoded(string wire, string decoded)
    {
        var record = new S3Object { Key = wire };

        Assert.Equal(decoded, record.DecodedKey);
    }

    [Fact]
    public void S3_sample_keys_decode_and_the_decoded_key_is_not_a_wire_field()
    {
        var s3 = LambdaEventSerializer.Deserialize(SampleEvents.Read("s3/s3-event.json"), Context.S3Event);

        Assert.Equal("New File.jpg", s3.Records[1].S3.Object.DecodedKey);
        Assert.Equal(DateTimeOffset.UnixEpoch, s3.Records[0].GetEventTime());
        Assert.DoesNotContain("DecodedKey", Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(s3, Context.S3Event)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Base64_bodies_are_decoded_and_plain_bodies_are_passed_through()
    {
        var binary = new ApiGatewayProxyRequest { HttpMethod = "POST", Path = "/", Body = Convert.ToBase64String([0, 1, 2, 255]), IsBase64Encoded = true };
        var text = new HttpApiRequest { RawPath = "/", RequestContext = new HttpApiRequestContext { Http = new HttpApiRequestHttp { Method = "POST" } }, Body = Convert.ToBase64String("héllo"u8.ToArray()), IsBase64Encoded = true };
        var plain = new AlbRequest { HttpMethod = "POST", Path = "/", RequestContext = new AlbRequestContext { Elb = new AlbElbContext { TargetGroupArn = "arn" } }, Body = "plain" };

        Assert.Equal(new byte[] { 0, 1, 2, 255 }, binary.DecodeBody());
        Assert.Equal("héllo", text.DecodeBodyText());
        Assert.Equal("plain"u8.ToArray(), plain.DecodeBody());
        Assert.Empty(new ApiGatewayProxyRequest { HttpMethod = "GET", Path = "/" }.DecodeBody());
    }

    [Fact]
    public void A_body_flagged_base64_that_is_not_fails_with_a_named_path()
    {
        var request = new ApiGatewayProxyRequest { HttpMethod = "POST", Path = "/", Body = "not base64!", IsBase64Encoded = true };

        var error = Assert.Throws<EventDeserializationException>(() => request.DecodeBody());

        Assert.Equal("$.body", error.JsonPath);
        Assert.Equal(typeof(ApiGatewayProxyRequest), error.EventType);
    }

    [Fact]
    public void Header_lookup_ignores_case_over_single_and_multi_value_maps()
    {
        var v1 = LambdaEventSerializer.Deserialize(SampleEvents.Read("apigateway-v1/proxy-event.json"), Context.ApiGatewayProxyRequest);
        var alb = LambdaEventSerializer.Deserialize(SampleEvents.Read("alb/alb-request-multi-value.json"), Context.AlbRequest);
        var v2 = LambdaEventSerializer.Deserialize(SampleEvents.Read("apigateway-v2/cookies-get-multiple-httpapi-v2-request.json"), Context.HttpApiRequest);

        Assert.Equal("no-cache", v1.GetHeader("Cache-Control"));
        Assert.Equal("application/json", v1.GetHeader("CONTENT-TYPE"));
        Assert.Null(v1.GetHeader("x-missing"));
        Assert.Equal(["h1-value1", "h1-value2"], alb.GetHeaderValues("HEAD1"));
        Assert.Equal("h2-value1", alb.GetHeader("Head2"));
        Assert.True(alb.IsMultiValue);
        Assert.Equal("application/json", v2.GetHeader("Content-Type"));
        Assert.Equal(3, v2.Cookies!.Count);
    }

    [Fact]
    public void Sqs_attributes_are_read_by_type()
    {
        var sqs = LambdaEventSerializer.Deserialize(SampleEvents.Read("sqs/sqs-event.json"), Context.SqsEvent);
        var message = sqs.Records[0];

        Assert.Equal(2, message.ApproximateReceiveCount);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1520621625029), message.GetSentTime());
        Assert.Equal(123m, message.GetMessageAttribute("Attribute1")!.GetNumber());
        Assert.Equal("AttributeValue2", message.GetMessageAttribute("Attribute2")!.GetString());
        Assert.False(message.IsFromFifoQueue);
        var binary = new SqsMessageAttribute { DataType = "Binary", BinaryValue = "U21hdWc=" };
        Assert.Equal("Smaug"u8.ToArray(), binary.GetBinary());
        Assert.Throws<InvalidOperationException>(() => binary.GetNumber());
        var custom = new SqsMessageAttribute { DataType = "Number.int", StringValue = "42" };
        Assert.Equal(42m, custom.GetNumber());
        var unknown = new SqsMessageAttribute { DataType = "Tensor", StringValue = "x" };
        Assert.Equal(SqsAttributeKind.Unknown, unknown.Kind);
        Assert.Throws<InvalidOperationException>(() => unknown.GetString());
    }

    [Fact]
    public void Fifo_messages_are_recognised_from_the_arn_or_the_group_id()
    {
        var byArn = new SqsMessage { MessageId = "1", Body = "", EventSourceArn = "arn:aws:sqs:us-east-1:1:orders.fifo" };
        var byGroup = new SqsMessage { MessageId = "2", Body = "", Attributes = new() { ["MessageGroupId"] = "g1" } };

        Assert.True(byArn.IsFromFifoQueue);
        Assert.True(byGroup.IsFromFifoQueue);
        Assert.Equal("g1", byGroup.MessageGroupId);
    }

    [Fact]
    public void An_SNS_envelope_in_an_SQS_body_is_unwrapped()
    {
        const string envelope = """
            {"Type":"Notification","MessageId":"m-1","TopicArn":"arn:aws:sns:us-east-1:1:orders","Subject":"s",
             "Message":"{\"orderId\":7}","Timestamp":"2024-01-01T00:00:00.000Z","SignatureVersion":"1","Signature":"sig",
             "SigningCertURL":"https://cert","UnsubscribeURL":"https://unsub","MessageAttributes":{"kind":{"Type":"String","Value":"created"}}}
            """;
        var message = new SqsMessage { MessageId = "q-1", Body = envelope };
        var plain = new SqsMessage { MessageId = "q-2", Body = "{\"orderId\":7}" };

        var notification = message.ReadSnsNotification();

        Assert.Equal("{\"orderId\":7}", notification.Message);
        Assert.Equal("https://cert", notification.SigningCertUrl);
        Assert.Equal("created", notification.MessageAttributes!["kind"].Value);
        Assert.False(plain.TryReadSnsNotification(out _));
        Assert.False(new SqsMessage { MessageId = "q-3", Body = "not json" }.TryReadSnsNotification(out _));
        Assert.Throws<EventDeserializationException>(() => plain.ReadSnsNotification());
    }

    [Fact]
    public void Dates_in_each_source_form()
    {
        var kinesis = LambdaEventSerializer.Deserialize(SampleEvents.Read("kinesis/kinesis-event.json"), Context.KinesisEvent);
        var dynamo = LambdaEventSerializer.Deserialize(SampleEvents.Read("dynamodb/dynamodb-event.json"), Context.DynamoDbEvent);
        var sns = LambdaEventSerializer.Deserialize(SampleEvents.Read("sns/sns-event.json"), Context.SnsEvent);
        var v1 = LambdaEventSerializer.Deserialize(SampleEvents.Read("apigateway-v1/proxy-event.json"), Context.ApiGatewayProxyRequest);
        var v2 = LambdaEventSerializer.Deserialize(SampleEvents.Read("apigateway-v2/http-api-v2-request.json"), Context.HttpApiRequest);
        var scheduled = LambdaEventSerializer.Deserialize(SampleEvents.Read("eventbridge/scheduled-event.json"), Context.EventBridgeEventJsonElement);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1480641523477), kinesis.Records[0].Kinesis.GetApproximateArrivalTime());
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1480642020), dynamo.Records[0].DynamoDb.GetApproximateCreationTime());
        Assert.Equal(DateTimeOffset.UnixEpoch, sns.Records[0].Sns.GetTimestamp());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1519166937665), v1.RequestContext!.GetRequestTime());
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1583348638390), v2.RequestContext.GetTime());
        Assert.Equal(DateTimeOffset.UnixEpoch, scheduled.GetTime());
        Assert.True(scheduled.IsScheduled);
        Assert.Equal(new DateTimeOffset(2020, 3, 12, 19, 3, 58, TimeSpan.Zero), EpochTime.ParseApiGatewayTime("12/Mar/2020:19:03:58 +0000"));
        Assert.Equal(new DateTimeOffset(2020, 3, 12, 19, 3, 58, TimeSpan.Zero), EpochTime.ParseApiGatewayTime("12/Mar/2020:19:03:58+0000"));
        Assert.Null(EpochTime.ParseIso8601("yesterday"));
        Assert.Null(EpochTime.FromMilliseconds("abc"));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddMilliseconds(1500), EpochTime.FromSeconds(1.5m));
    }

    [Fact]
    public void Kinesis_data_is_decoded()
    {
        var kinesis = LambdaEventSerializer.Deserialize(SampleEvents.Read("kinesis/kinesis-event.json"), Context.KinesisEvent);

        Assert.Equal("Hello World", Encoding.UTF8.GetString(kinesis.Records[0].Kinesis.DecodeData()));
        var bad = new KinesisRecord { PartitionKey = "p", SequenceNumber = "1", Data = "%%%" };
        Assert.Equal("$.kinesis.data", Assert.Throws<EventDeserializationException>(() => bad.DecodeData()).JsonPath);
    }

    [Fact]
    public void DynamoDb_images_convert_to_plain_values()
    {
        var dynamo = LambdaEventSerializer.Deserialize(SampleEvents.Read("dynamodb/dynamodb-event.json"), Context.DynamoDbEvent);
        var image = dynamo.Records[0].DynamoDb.NewImage!;

        Assert.Equal(DynamoDbChange.Insert, dynamo.Records[0].Change);
        Assert.Equal(DynamoDbChange.Remove, dynamo.Records[1].Change);
        Assert.Null(dynamo.Records[1].DynamoDb.NewImage);
        Assert.Equal("data", image["val"].ToObject());
        Assert.Equal(new byte[] { 0, 1, 42, 65 }, image["asdf1"].ToObject());
        var misc = (Dictionary<string, object?>)image["misc2"].ToObject()!;
        Assert.Equal(new List<object?> { "Cookies", "Coffee", 3.14159m }, misc["ItemsNonEmpty"]);
        Assert.Equal(new List<decimal> { 0m, 50m, 150m }, misc["ItemNumberSet"]);
        Assert.Null(misc["ItemNull"]);
        Assert.Equal(false, misc["ItemBoolean"]);
        Assert.Equal(new List<string> { "Hippo", "Zebra" }, misc["ItemStringSet"]);
        Assert.Empty((List<object?>)misc["ItemsEmpty"]!);
    }

    [Fact]
    public void DynamoDb_values_convert_from_plain_values()
    {
        var value = AttributeValue.FromObject(new Dictionary<string, object?>
        {
            ["s"] = "x",
            ["n"] = 42,
            ["d"] = 1.25m,
            ["b"] = new byte[] { 1, 2 },
            ["set"] = new HashSet<string> { "a" },
            ["list"] = new object?[] { 1, "two", null, true },
        });

        Assert.Equal("x", value.M!["s"].S);
        Assert.Equal("42", value.M["n"].N);
        Assert.Equal("1.25", value.M["d"].N);
        Assert.Equal("AQI=", value.M["b"].B);
        Assert.Equal(["a"], value.M["set"].SS!);
        Assert.Equal("1", value.M["list"].L![0].N);
        Assert.True(value.M["list"].L![2].Null);
        Assert.True(value.M["list"].L![3].Bool);
        Assert.Throws<ArgumentException>(() => AttributeValue.FromObject(new object()));
        Assert.Throws<FormatException>(() => new AttributeValue().ToObject());
    }

    [Fact]
    public void DynamoDb_images_bind_to_a_user_type_and_back()
    {
        var image = new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = "o-1" },
            ["total"] = new() { N = "19.99" },
            ["lines"] = new() { L = [new() { M = new() { ["sku"] = new() { S = "A" }, ["qty"] = new() { N = "2" } } }] },
            ["tags"] = new() { SS = ["new", "gift"] },
            ["paid"] = new() { Bool = true },
            ["note"] = new() { Null = true },
        };

        var order = DynamoDbImage.Deserialize(image, UserTypes.Default.StoredOrder);
        var back = DynamoDbImage.Serialize(order, UserTypes.Default.StoredOrder);

        Assert.Equal("o-1", order.Id);
        Assert.Equal(19.99m, order.Total);
        Assert.Equal(2, order.Lines[0].Qty);
        Assert.Equal(["new", "gift"], order.Tags);
        Assert.True(order.Paid);
        Assert.Null(order.Note);
        Assert.Equal("19.99", back["total"].N);
        Assert.Equal("A", back["lines"].L![0].M!["sku"].S);
        Assert.True(back["note"].Null);
    }

    [Fact]
    public void A_DynamoDb_image_that_does_not_fit_the_type_fails_with_a_path()
    {
        var image = new Dictionary<string, AttributeValue> { ["id"] = new() { S = "o-1" }, ["total"] = new() { S = "free" } };

        var error = Assert.Throws<EventDeserializationException>(() => DynamoDbImage.Deserialize(image, UserTypes.Default.StoredOrder));

        Assert.Equal("$.total", error.JsonPath);
    }

    [Fact]
    public void EventBridge_detail_binds_to_a_user_type()
    {
        var json = SampleEvents.Read("eventbridge/cloudwatchevents-s3objectcreated.json");

        var created = LambdaEventSerializer.Deserialize(json, EventBridgeEventJson.Create(UserTypes.Default.ObjectCreated));

        Assert.Equal("Object Created", created.DetailType);
        Assert.Equal("example-key", created.Detail!.Target.Key);
        Assert.Equal(5, created.Detail.Target.Size);
        Assert.False(created.IsScheduled);
    }

    public sealed record OrderLine([property: JsonPropertyName("sku")] string Sku, [property: JsonPropertyName("qty")] int Qty);

    public sealed record StoredOrder(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("total")] decimal Total,
        [property: JsonPropertyName("lines")] List<OrderLine> Lines,
        [property: JsonPropertyName("tags")] List<string> Tags,
        [property: JsonPropertyName("paid")] bool Paid,
        [property: JsonPropertyName("note")] string? Note);

    public sealed record ObjectInfo([property: JsonPropertyName("key")] string Key, [property: JsonPropertyName("size")] long Size);

    public sealed record ObjectCreated([property: JsonPropertyName("object")] ObjectInfo Target);

    [JsonSerializable(typeof(StoredOrder))]
    [JsonSerializable(typeof(ObjectCreated))]
    internal sealed partial class UserTypes : JsonSerializerContext;
}
