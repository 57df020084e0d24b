using System.Text;
using System.Text.Json.Nodes;
using Lambda.Toolkit.Events.Kafka;

namespace Lambda.Toolkit.Events.Tests;

public class KafkaTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    [Fact]
    public void The_MSK_sample_reads_with_its_headers_as_signed_bytes_and_decodes_on_demand()
    {
        var @event = LambdaEventSerializer.Deserialize(SampleEvents.Read("kafka/kafka-event.json"), Context.KafkaEvent);

        Assert.Equal(KafkaEvent.AmazonMskEventSource, @event.EventSource);
        Assert.StartsWith("arn:aws:kafka:us-east-1:123456789012:cluster/", @event.EventSourceArn, StringComparison.Ordinal);
        var (key, records) = Assert.Single(@event.Records);
        Assert.Equal("mytopic-0", key);
        var record = Assert.Single(records);
        Assert.Equal(("mytopic", 12, 3043205L, 1545084650987L, "CREATE_TIME"), (record.Topic, record.Partition, record.Offset, record.Timestamp!.Value, record.TimestampType));
        Assert.Equal("mytopic-12", record.GetTopicPartition());
        Assert.Equal("Hello, this is a test.", record.GetValueString());
        Assert.Equal("338646672", record.GetKeyString());
        Assert.Equal("headerValue", record.GetHeaderString("headerKey"));
        Assert.Equal("709e49b6-998d-4c0c-8ef7-b98cfafed08b", record.GetHeaderString("Id"));
        Assert.Equal(new byte[] { 0, 0, 1, 133, 245, 175, 206, 254 }, record.GetHeader("OriginationTimestamp"));
        Assert.Equal(new sbyte[] { 0, 0, 1, -123, -11, -81, -50, -2 }, record.Headers![6]["OriginationTimestamp"]);
        Assert.Null(record.GetHeader("headerkey")); // header names are case-sensitive
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1545084650987), record.GetTimestamp());
    }

    [Fact]
    public void The_self_managed_sample_reads_without_an_ARN()
    {
        var @event = LambdaEventSerializer.Deserialize(SampleEvents.Read("kafka/docs-self-managed-kafka-event.json"), Context.KafkaEvent);

        Assert.Equal(KafkaEvent.SelfManagedEventSource, @event.EventSource);
        Assert.Null(@event.EventSourceArn);
        var record = Assert.Single(@event.Records["mytopic-0"]);
        Assert.Equal(15, record.Offset);
        Assert.Equal("Hello, this is a test.", Encoding.UTF8.GetString(record.DecodeValue()!));
        Assert.Equal("headerValue", record.GetHeaderString("headerKey"));
    }

    [Fact]
    public void Helpers_are_not_written_and_headers_stay_arrays_of_numbers()
    {
        var record = new KafkaRecord
        {
            Topic = "t",
            Partition = 1,
            Offset = 2,
            Value = "AAE=",
            Headers = [new Dictionary<string, sbyte[]> { ["h"] = [-1, 0, 127] }],
        };

        var json = Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(record, Context.KafkaRecord));

        Assert.Equal("""{"topic":"t","partition":1,"offset":2,"value":"AAE=","headers":[{"h":[-1,0,127]}]}""", json);
    }

    [Fact]
    public void A_tombstone_has_no_value_and_no_key()
    {
        var record = LambdaEventSerializer.Deserialize("""{"topic":"t","partition":0,"offset":9}""", Context.KafkaRecord);

        Assert.Null(record.DecodeValue());
        Assert.Null(record.GetValueString());
        Assert.Null(record.DecodeKey());
        Assert.Null(record.GetHeader("x"));
        Assert.Null(record.GetTimestamp());
    }

    [Fact]
    public void A_schema_registry_record_round_trips_its_schema_metadata()
    {
        const string json = """
            {"eventSource":"aws:kafka","records":{"orders-0":[{"topic":"orders","partition":0,"offset":1,"timestamp":1,"timestampType":"LOG_APPEND_TIME",
             "value":"AA==","headers":[],"keySchemaMetadata":{"dataFormat":"AVRO","schemaId":"k-1"},"valueSchemaMetadata":{"dataFormat":"JSON","schemaId":"v-1"}}]}}
            """;

        var @event = LambdaEventSerializer.Deserialize(json, Context.KafkaEvent);
        var written = LambdaEventSerializer.SerializeToUtf8Bytes(@event, Context.KafkaEvent);

        Assert.Equal("JSON", @event.Records["orders-0"][0].ValueSchemaMetadata!.DataFormat);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)));
    }

    [Fact]
    public void A_value_that_is_not_base64_fails_naming_the_field()
    {
        var record = new KafkaRecord { Topic = "t", Partition = 0, Offset = 1, Value = "not base64!", Key = "%%" };

        var value = Assert.Throws<EventDeserializationException>(() => record.GetValueString());
        var key = Assert.Throws<EventDeserializationException>(() => record.DecodeKey());

        Assert.Equal("The payload is not a valid KafkaRecord at $.value: the value is not valid base64.", value.Message);
        Assert.Equal("$.key", key.JsonPath);
    }

    [Theory]
    [InlineData("""{"eventSource":"aws:kafka"}""", "$", "records")]
    [InlineData("""{"records":{"t-0":[{"topic":"t","offset":1}]}}""", "$.records.t-0[0]", "partition")]
    [InlineData("""{"records":{"t-0":[{"topic":"t","partition":0,"offset":"one"}]}}""", "$.records.t-0[0].offset", "")]
    [InlineData("""{"records":{"t-0":[{"topic":"t","partition":0,"offset":1,"headers":[{"h":[300]}]}]}}""", "$.records.t-0[0].headers[0].h[0]", "")]
    public void Events_of_the_wrong_shape_name_the_JSON_path(string json, string path, string mentions)
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(json, Context.KafkaEvent));

        Assert.Equal(typeof(KafkaEvent), error.EventType);
        Assert.Equal(path, error.JsonPath);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }
}
