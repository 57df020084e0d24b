using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.EventBridge;
using Lambda.Toolkit.Events.EventBridge.S3;

namespace Lambda.Toolkit.Events.Tests;

/// <summary>Typed EventBridge details: the envelope read by hand, the detail through the detail type's own metadata.</summary>
public partial class EventBridgeTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    /// <summary>S3's Object Deleted example from its EventBridge documentation (a delete marker on a versioned bucket).</summary>
    private const string ObjectDeleted = """
        {"version":"0","id":"2ee9cc15-d022-99ea-1fb8-1b1bac4850f9","detail-type":"Object Deleted","source":"aws.s3","account":"111122223333",
         "time":"2021-11-12T00:00:00Z","region":"ca-central-1","resources":["arn:aws:s3:::DOC-EXAMPLE-BUCKET1"],
         "detail":{"version":"0","bucket":{"name":"DOC-EXAMPLE-BUCKET1"},
          "object":{"key":"example-key","etag":"d41d8cd98f00b204e9800998ecf8427e","version-id":"1QW9g1Z99LUNbvaaYVpW9xDlOLU.qxgF","sequencer":"617f0837b476e463"},
          "request-id":"0BH729840619AG5K","requester":"123456789012","source-ip-address":"1.2.3.4","reason":"DeleteObject","deletion-type":"Delete Marker Created"}}
        """;

    /// <summary>What EventBridge Scheduler sends a Lambda target that has no input: the detail is a string of JSON.</summary>
    private const string SchedulerEvent = """
        {"version":"0","id":"49672d39-8c3a-4cc6-8de5-c57b0acf718f","detail-type":"Scheduled Event","source":"aws.scheduler","account":"123456789012",
         "time":"2024-11-07T22:05:00Z","region":"eu-central-1","resources":["arn:aws:scheduler:eu-central-1:123456789012:schedule/default/nightly"],"detail":"{}"}
        """;

    [Fact]
    public void The_S3_object_created_sample_binds_to_the_typed_detail()
    {
        var e = LambdaEventSerializer.Deserialize(SampleEvents.Read("eventbridge/cloudwatchevents-s3objectcreated.json"), EventBridgeEventJson.Create(Context.S3ObjectCreatedDetail));

        Assert.Equal(("aws.s3", "Object Created", "17793124-05d4-b198-2fde-7ededc63b103"), (e.Source, e.DetailType, e.Id));
        Assert.Equal(["arn:aws:s3:::DOC-EXAMPLE-BUCKET1"], e.Resources!);
        var detail = e.Detail!;
        Assert.Equal("0", detail.Version);
        Assert.Equal("DOC-EXAMPLE-BUCKET1", detail.Bucket.Name);
        Assert.Equal(("example-key", 5L, "b1946ac92492d2347c6235b4d2611184"), (detail.Object.Key, detail.Object.Size!.Value, detail.Object.ETag));
        Assert.Equal(("IYV3p45BT0ac8hjHg1houSdS1a.Mro8e", "617f08299329d189"), (detail.Object.VersionId, detail.Object.Sequencer));
        Assert.Equal(("N4N7GDK58NMKJ12R", "123456789012", "1.2.3.4", "PutObject"), (detail.RequestId, detail.Requester, detail.SourceIpAddress, detail.Reason));
        Assert.Equal(new DateTimeOffset(2021, 11, 12, 0, 0, 0, TimeSpan.Zero), e.GetTime());
    }

    [Fact]
    public void An_S3_object_deleted_event_binds_without_a_size_and_round_trips()
    {
        var type = EventBridgeEventJson.Create(Context.S3ObjectDeletedDetail);

        var e = LambdaEventSerializer.Deserialize(ObjectDeleted, type);

        Assert.Equal("Delete Marker Created", e.Detail!.DeletionType);
        Assert.Equal("DeleteObject", e.Detail.Reason);
        Assert.Null(e.Detail.Object.Size);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ObjectDeleted), JsonNode.Parse(LambdaEventSerializer.SerializeToUtf8Bytes(e, type))));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("\\n{}\\n")]
    public void EventBridge_Scheduler_s_string_detail_is_read_as_the_JSON_it_holds(string detail)
    {
        var json = SchedulerEvent.Replace("\"detail\":\"{}\"", $"\"detail\":\"{detail}\"", StringComparison.Ordinal);

        var e = LambdaEventSerializer.Deserialize(json, EventBridgeEventJson.Create(Context.ScheduledEventDetail));
        var any = LambdaEventSerializer.Deserialize(json, EventBridgeEventJson.Create(Context.JsonElement));

        Assert.NotNull(e.Detail);
        Assert.True(e.IsScheduled);
        Assert.Equal(["arn:aws:scheduler:eu-central-1:123456789012:schedule/default/nightly"], e.Resources!);
        Assert.Equal(JsonValueKind.Object, any.Detail.ValueKind);
    }

    [Fact]
    public void The_scheduled_rule_sample_binds_to_the_empty_scheduled_detail()
    {
        var e = LambdaEventSerializer.Deserialize(SampleEvents.Read("eventbridge/scheduled-event.json"), EventBridgeEventJson.Create(Context.ScheduledEventDetail));

        Assert.NotNull(e.Detail);
        Assert.True(e.IsScheduled);
        Assert.Equal("cdc73f9d-aea9-11e3-9d5a-835b769c0d9c", e.Id);
    }

    [Fact]
    public void A_string_detail_stays_a_string_when_the_detail_type_is_string()
    {
        var e = LambdaEventSerializer.Deserialize(SchedulerEvent, EventBridgeEventJson.Create(Types.Default.String));

        Assert.Equal("{}", e.Detail);
    }

    [Fact]
    public void Unknown_envelope_properties_are_skipped_and_nulls_are_not_written()
    {
        var type = EventBridgeEventJson.Create(Types.Default.Order);

        var e = LambdaEventSerializer.Deserialize("""{"new-field":{"a":[1,2]},"detail":{"id":3},"id":"e","source":"shop","detail-type":"Order","account":null}""", type);

        Assert.Equal(3, e.Detail!.Id);
        Assert.Equal("""{"id":"e","detail-type":"Order","source":"shop","detail":{"id":3}}""", Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(e, type)));
    }

    [Theory]
    [InlineData("""{"id":"e-1","source":"s","detail-type":"t","detail":{"id":"three"}}""", "$.detail.id", "The detail of event e-1 is not a valid Order")]
    [InlineData("""{"detail":{"id":"three"},"id":"e-1","source":"s","detail-type":"t"}""", "$.detail.id", "The detail is not a valid Order")]
    [InlineData("""{"id":"e-1","source":"s","detail-type":"t","detail":"not json"}""", "$.detail", "The detail of event e-1 is not a valid Order")]
    [InlineData("""{"source":"s","detail-type":"t"}""", "$", "no 'id'")]
    [InlineData("""{"id":"e-1","source":"s"}""", "$", "no 'detail-type'")]
    [InlineData("""{"id":"e-1","source":7,"detail-type":"t"}""", "$.source", "'source' is a string, not a number")]
    [InlineData("""{"id":"e-1","source":"s","detail-type":["t"]}""", "$['detail-type']", "'detail-type' is a string, not an array")]
    [InlineData("""{"id":"e-1","source":"s","detail-type":"t","resources":[1]}""", "$.resources[0]", "'resources[0]' is a string")]
    [InlineData("""[]""", "$", "An EventBridge event is a JSON object, not an array")]
    public void A_bad_event_fails_with_the_path_and_the_reason(string json, string path, string mentions)
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(json, EventBridgeEventJson.Create(Types.Default.Order)));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"The payload is not a valid EventBridgeEvent<Order> at {path}: ", error.Message, StringComparison.Ordinal);
    }

    public sealed record Order([property: JsonPropertyName("id")] int Id);

    [JsonSerializable(typeof(Order))]
    [JsonSerializable(typeof(string))]
    internal sealed partial class Types : JsonSerializerContext;
}
