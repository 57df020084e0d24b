using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.DynamoDb;
using Lambda.Toolkit.Testing.Events;

namespace Lambda.Toolkit.Testing.Tests.Events;

/// <summary>The values the builders fill in look like AWS's own.</summary>
public sealed class EventValueTests
{
    private static readonly DateTimeOffset Time = new(2026, 3, 12, 19, 3, 58, 390, TimeSpan.Zero);

    [Fact]
    public void SQS_MD5s_are_those_SQS_computes_for_the_body_and_the_attributes()
    {
        // Body and attribute of a message delivered by SQS (published with its md5OfBody and md5OfMessageAttributes).
        var message = Assert.Single(new SqsEventBuilder().AddMessage("Sample content.", m => m.WithStringAttribute("sample-attribute", "sample-value")).Build().Records);

        Assert.Equal("b58e1d0a86521415d25b85b89f6ad6cd", message.Md5OfBody);
        Assert.Equal("7c815262be77a62f56671125069ca888", message.Md5OfMessageAttributes);
        // The bodies of the AWS samples sqs/sqs.json and sqs/docs-sqs-fifo-event.json, with their md5OfBody.
        Assert.Equal("7b270e59b47ff90a553787216d55d91d", Assert.Single(new SqsEventBuilder().AddMessage("Hello from SQS!").Build().Records).Md5OfBody);
        Assert.Equal("e4e68fb7bd0e697a0ae8f1bb342846b3", Assert.Single(new SqsEventBuilder("fifo.fifo").AddMessage("Test message.").Build().Records).Md5OfBody);
        Assert.Null(Assert.Single(new SqsEventBuilder().AddMessage("x").Build().Records).Md5OfMessageAttributes);
    }

    [Fact]
    public void A_standard_SQS_message_carries_the_queue_ARN_receive_count_and_epoch_millisecond_times()
    {
        var message = Assert.Single(new SqsEventBuilder("orders").InRegion("eu-west-1").InAccount("111122223333").At(Time)
            .AddMessage("{}", m => { m.ReceiveCount = 3; m.MessageId = "m-1"; })
            .Build().Records);

        Assert.Equal("arn:aws:sqs:eu-west-1:111122223333:orders", message.EventSourceArn);
        Assert.Equal("eu-west-1", message.AwsRegion);
        Assert.Equal("m-1", message.MessageId);
        Assert.Equal(3, message.ApproximateReceiveCount);
        Assert.Equal(Time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), message.Attributes!["SentTimestamp"]);
        Assert.Equal(Time, message.GetSentTime());
        Assert.False(message.IsFromFifoQueue);
        Assert.False(message.Attributes.ContainsKey("MessageGroupId"));
        Assert.StartsWith("AQEB", message.ReceiptHandle, StringComparison.Ordinal);
        Assert.True(Guid.TryParse(new SqsEventBuilder().AddMessage("x").Build().Records[0].MessageId, out _));
    }

    [Fact]
    public void A_FIFO_batch_has_group_ids_content_based_deduplication_ids_and_increasing_sequence_numbers()
    {
        var records = new SqsEventBuilder("orders.fifo")
            .AddMessage("Test message.", m => m.GroupId = "customer-1")
            .AddMessage("second", m => { m.GroupId = "customer-2"; m.DeduplicationId = "dedup-2"; })
            .AddMessage("third")
            .Build().Records;

        Assert.All(records, r => Assert.True(r.IsFromFifoQueue));
        Assert.Equal(["customer-1", "customer-2", "default"], records.Select(r => r.MessageGroupId));
        // SQS's content-based deduplication id is the SHA-256 of the body.
        Assert.Matches("^[0-9a-f]{64}$", records[0].Attributes!["MessageDeduplicationId"]);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("Test message."u8)), records[0].Attributes!["MessageDeduplicationId"], ignoreCase: true);
        Assert.Equal("dedup-2", records[1].Attributes!["MessageDeduplicationId"]);
        var sequence = records.Select(r => BigInteger.Parse(r.Attributes!["SequenceNumber"], CultureInfo.InvariantCulture)).ToList();
        Assert.All(records, r => Assert.Equal(20, r.Attributes!["SequenceNumber"].Length));
        Assert.True(sequence[0] < sequence[1] && sequence[1] < sequence[2]);
    }

    [Fact]
    public void SQS_message_attributes_keep_their_types_and_binary_travels_as_base64()
    {
        var message = new SqsEventBuilder().AddMessage("x", m => m.WithStringAttribute("s", "text").WithNumberAttribute("n", 12.5m).WithBinaryAttribute("b", [1, 2, 255])).Build().Records[0];

        Assert.Equal("text", message.GetMessageAttribute("s")!.GetString());
        Assert.Equal(12.5m, message.GetMessageAttribute("n")!.GetNumber());
        Assert.Equal([1, 2, 255], message.GetMessageAttribute("b")!.GetBinary());
        Assert.Equal("AQL/", message.GetMessageAttribute("b")!.BinaryValue);
    }

    [Fact]
    public void Kinesis_records_have_increasing_56_digit_sequence_numbers_event_ids_of_their_shard_and_arrival_seconds_with_milliseconds()
    {
        var records = new KinesisEventBuilder("clicks").OnShard("shardId-000000000003").At(Time).AddRecord("a").AddRecord([1, 2]).AddRecord(new Order(1, "book"), JsonContext.Default.Order, "user-1").Build().Records;

        Assert.All(records, r => Assert.Equal(56, r.Kinesis.SequenceNumber.Length));
        Assert.All(records, r => Assert.Equal("shardId-000000000003:" + r.Kinesis.SequenceNumber, r.EventId));
        Assert.All(records, r => Assert.Equal("arn:aws:kinesis:us-east-1:123456789012:stream/clicks", r.EventSourceArn));
        Assert.True(records.Select(r => BigInteger.Parse(r.Kinesis.SequenceNumber, CultureInfo.InvariantCulture)).Zip(records.Skip(1).Select(r => BigInteger.Parse(r.Kinesis.SequenceNumber, CultureInfo.InvariantCulture))).All(p => p.First < p.Second));
        Assert.Equal(1773342238.390m, records[0].Kinesis.ApproximateArrivalTimestamp);
        Assert.Equal(Time, records[0].Kinesis.GetApproximateArrivalTime());
        Assert.Equal("a"u8.ToArray(), records[0].Kinesis.DecodeData());
        Assert.Equal([1, 2], records[1].Kinesis.DecodeData());
        Assert.Equal("""{"orderId":1,"item":"book"}"""u8.ToArray(), records[2].Kinesis.DecodeData());
        Assert.Equal("user-1", records[2].Kinesis.PartitionKey);
        Assert.Contains("\"approximateArrivalTimestamp\":1773342238.39", System.Text.Encoding.UTF8.GetString(new KinesisEventBuilder().At(Time).AddRecord("a").ToJson()), StringComparison.Ordinal);
    }

    [Fact]
    public void DynamoDB_records_carry_keys_images_by_view_type_and_the_stream_ARN()
    {
        var records = new DynamoDbStreamEventBuilder("products").At(Time)
            .AddInsert(new Item("p1", 9.5m), JsonContext.Default.Item)
            .AddModify(new Item("p1", 9.5m), new Item("p1", 8m), JsonContext.Default.Item)
            .AddRemove(new Item("p1", 8m), JsonContext.Default.Item)
            .Build().Records;

        Assert.Equal([DynamoDbChange.Insert, DynamoDbChange.Modify, DynamoDbChange.Remove], records.Select(r => r.Change));
        Assert.All(records, r => Assert.Equal("p1", r.DynamoDb.Keys!["id"].S));
        Assert.All(records, r => Assert.Matches("^arn:aws:dynamodb:us-east-1:123456789012:table/products/stream/\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}$", r.EventSourceArn));
        Assert.All(records, r => Assert.Matches("^[0-9a-f]{32}$", r.EventId));
        Assert.All(records, r => Assert.Equal(Time.ToUnixTimeSeconds(), r.DynamoDb.ApproximateCreationDateTime));
        Assert.Equal("9.5", records[0].DynamoDb.NewImage!["price"].N);
        Assert.Null(records[0].DynamoDb.OldImage);
        Assert.Equal("8", records[1].DynamoDb.NewImage!["price"].N);
        Assert.Equal("9.5", records[1].DynamoDb.OldImage!["price"].N);
        Assert.Null(records[2].DynamoDb.NewImage);
        Assert.True(decimal.Parse(records[0].DynamoDb.SequenceNumber, CultureInfo.InvariantCulture) < decimal.Parse(records[1].DynamoDb.SequenceNumber, CultureInfo.InvariantCulture));

        var keysOnly = new DynamoDbStreamEventBuilder().WithViewType("KEYS_ONLY").AddInsert(new Item("p1", 1), JsonContext.Default.Item).Build().Records[0].DynamoDb;
        Assert.Null(keysOnly.NewImage);
        Assert.Equal("KEYS_ONLY", keysOnly.StreamViewType);
        Assert.Throws<ArgumentException>(() => new DynamoDbStreamEventBuilder().WithKeys("pk").AddInsert(new Item("p1", 1), JsonContext.Default.Item));
    }

    [Fact]
    public void S3_keys_are_encoded_as_S3_encodes_them_and_created_objects_have_size_and_ETag()
    {
        var records = new S3EventBuilder("uploads").At(Time).AddObjectCreated("reports/100% done + more.csv", 2048).AddObjectRemoved("old file.txt").Build().Records;

        Assert.Equal("reports/100%25+done+%2B+more.csv", records[0].S3.Object.Key);
        Assert.Equal("reports/100% done + more.csv", records[0].S3.Object.DecodedKey);
        Assert.Equal(2048, records[0].S3.Object.Size);
        Assert.Matches("^[0-9a-f]{32}$", records[0].S3.Object.ETag);
        Assert.Equal("arn:aws:s3:::uploads", records[0].S3.Bucket.Arn);
        Assert.Equal("2026-03-12T19:03:58.390Z", records[0].EventTime);
        Assert.Equal("ObjectRemoved:Delete", records[1].EventName);
        Assert.Null(records[1].S3.Object.Size);
        Assert.Null(records[1].S3.Object.ETag);
        Assert.Throws<ArgumentException>(() => new S3EventBuilder().AddObjectCreated("k", eventName: "ObjectRemoved:Delete"));
    }

    [Fact]
    public void SNS_records_name_the_topic_and_subscription_and_keep_subject_and_attributes()
    {
        var record = Assert.Single(new SnsEventBuilder("alarms").InRegion("eu-central-1").At(Time).AddMessage("{}", "CPU", [new("severity", "high")]).Build().Records);

        Assert.Equal("arn:aws:sns:eu-central-1:123456789012:alarms", record.Sns.TopicArn);
        Assert.StartsWith("arn:aws:sns:eu-central-1:123456789012:alarms:", record.EventSubscriptionArn, StringComparison.Ordinal);
        Assert.Equal("CPU", record.Sns.Subject);
        Assert.Equal("high", record.Sns.MessageAttributes!["severity"].Value);
        Assert.Equal("2026-03-12T19:03:58.390Z", record.Sns.Timestamp);
        Assert.StartsWith("https://sns.eu-central-1.amazonaws.com/", record.Sns.SigningCertUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void EventBridge_events_have_their_detail_resources_and_a_time_to_the_second()
    {
        var scheduled = EventBridgeEventBuilder.Scheduled("nightly").InRegion("us-west-2").At(Time).Build();
        var custom = new EventBridgeEventBuilder("com.example.orders", "Order Placed").WithResource("arn:aws:s3:::orders").WithDetail(new Order(7, "pen"), JsonContext.Default.Order).Build();

        Assert.True(scheduled.IsScheduled);
        Assert.Equal(["arn:aws:events:us-west-2:123456789012:rule/nightly"], scheduled.Resources);
        Assert.Equal("2026-03-12T19:03:58Z", scheduled.Time);
        Assert.Equal(JsonValueKind.Object, scheduled.Detail.ValueKind);
        Assert.Equal(7, custom.Detail.GetProperty("orderId").GetInt32());
        Assert.Equal(["arn:aws:s3:::orders"], custom.Resources);
        Assert.Throws<ArgumentException>(() => new EventBridgeEventBuilder("s", "t").WithDetailJson("[1]"));
    }

    [Fact]
    public void EventBridge_builders_make_Scheduler_and_S3_events_and_typed_events()
    {
        var schedule = EventBridgeEventBuilder.FromScheduler("nightly", "reports").InRegion("eu-west-1").At(Time);
        var created = EventBridgeEventBuilder.S3ObjectCreated("photos", "a b.jpg", 5).Build(LambdaEventsJsonContext.Default.S3ObjectCreatedDetail);
        var order = new EventBridgeEventBuilder("com.example.orders", "Order Placed").WithDetail(new Order(7, "pen"), JsonContext.Default.Order).Build(JsonContext.Default.Order);

        var raw = schedule.Build();
        Assert.Equal(("aws.scheduler", "Scheduled Event"), (raw.Source, raw.DetailType));
        Assert.Equal(["arn:aws:scheduler:eu-west-1:123456789012:schedule/reports/nightly"], raw.Resources);
        Assert.Equal(JsonValueKind.String, raw.Detail.ValueKind); // Scheduler sends "{}" as a string
        Assert.Equal("{}", raw.Detail.GetString());
        Assert.True(schedule.Build(LambdaEventsJsonContext.Default.ScheduledEventDetail).IsScheduled);
        Assert.Equal(("photos", "a b.jpg", 5L, "PutObject"), (created.Detail!.Bucket.Name, created.Detail.Object.Key, created.Detail.Object.Size!.Value, created.Detail.Reason));
        Assert.Equal(["arn:aws:s3:::photos"], created.Resources);
        Assert.Null(EventBridgeEventBuilder.S3ObjectDeleted("photos", "k").Build(LambdaEventsJsonContext.Default.S3ObjectDeletedDetail).Detail!.Object.Size);
        Assert.Equal(new Order(7, "pen"), order.Detail);
    }

    [Fact]
    public void HTTP_requests_keep_method_path_query_headers_cookies_and_body_in_each_source_form()
    {
        var request = new HttpRequestEventBuilder("post", "/orders/42?tag=a&tag=b%20c").At(Time)
            .WithRoute("/orders/{id}")
            .WithHeader("X-Custom", "1").WithHeader("X-Custom", "2")
            .WithCookie("session", "abc").WithCookie("theme", "dark")
            .WithBinaryBody([0, 1, 2, 255]);

        var v1 = request.BuildRestApi();
        Assert.Equal("POST", v1.HttpMethod);
        Assert.Equal("/orders/{id}", v1.Resource);
        Assert.Equal("42", v1.PathParameters!["id"]);
        Assert.Equal(["a", "b c"], v1.MultiValueQueryStringParameters!["tag"]);
        Assert.Equal("b c", v1.QueryStringParameters!["tag"]);
        Assert.Equal(["1", "2"], v1.GetHeaderValues("x-custom"));
        Assert.Equal("session=abc; theme=dark", v1.GetHeader("Cookie"));
        Assert.Equal([0, 1, 2, 255], v1.DecodeBody());
        Assert.True(v1.IsBase64Encoded);
        Assert.Equal(Time.ToUnixTimeMilliseconds(), v1.RequestContext!.RequestTimeEpoch);
        Assert.Equal("12/Mar/2026:19:03:58 +0000", v1.RequestContext.RequestTime);
        Assert.Matches("^[a-z0-9]{10}\\.execute-api\\.us-east-1\\.amazonaws\\.com$", v1.GetHeader("Host"));

        var v2 = request.BuildHttpApi();
        Assert.Equal("POST /orders/{id}", v2.RouteKey);
        Assert.Equal("tag=a&tag=b%20c", v2.RawQueryString);
        Assert.Equal("a,b c", v2.QueryStringParameters!["tag"]);
        Assert.Equal("1,2", v2.Headers!["x-custom"]);
        Assert.Equal(["session=abc", "theme=dark"], v2.Cookies);
        Assert.Equal("$default", v2.RequestContext.Stage);
        Assert.Equal([0, 1, 2, 255], v2.DecodeBody());

        var url = request.BuildFunctionUrl();
        Assert.Equal("$default", url.RouteKey);
        Assert.Matches("^[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.on\\.aws$", url.RequestContext.DomainName);
        Assert.Null(url.PathParameters);

        var alb = request.BuildAlb();
        Assert.Equal("b%20c", alb.QueryStringParameters!["tag"]);
        Assert.Equal("2", alb.Headers!["x-custom"]);
        Assert.False(alb.IsMultiValue);
        Assert.Matches("^arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-target/[0-9a-f]{16}$", alb.RequestContext.Elb.TargetGroupArn);
        var albMulti = request.BuildAlb(multiValueHeaders: true);
        Assert.True(albMulti.IsMultiValue);
        Assert.Equal(["1", "2"], albMulti.MultiValueHeaders!["x-custom"]);
        Assert.Equal(["a", "b%20c"], albMulti.MultiValueQueryStringParameters!["tag"]);
    }

    [Fact]
    public void Text_and_JSON_bodies_are_sent_as_is_with_their_content_type()
    {
        var json = new HttpRequestEventBuilder("PUT", "/x").WithJsonBody(new Order(1, "a"), JsonContext.Default.Order).BuildHttpApi();
        var text = new HttpRequestEventBuilder("PUT", "/x").WithTextBody("héllo").BuildRestApi();

        Assert.Equal("""{"orderId":1,"item":"a"}""", json.Body);
        Assert.False(json.IsBase64Encoded);
        Assert.Equal("application/json", json.Headers!["content-type"]);
        Assert.Equal("héllo", text.DecodeBodyText());
        Assert.Equal("text/plain; charset=utf-8", text.GetHeader("Content-Type"));
        Assert.Throws<ArgumentException>(() => new HttpRequestEventBuilder("GET", "no-slash"));
    }

    [Fact]
    public void The_JSON_is_what_the_source_generated_context_writes()
    {
        var json = new SnsEventBuilder().AddMessage("m").ToJson();

        var model = LambdaEventSerializer.Deserialize(json, LambdaEventsJsonContext.Default.SnsEvent);
        Assert.Equal("m", Assert.Single(model.Records).Sns.Message);
        Assert.DoesNotContain("null", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }
}
