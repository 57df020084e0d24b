using System.Text;
using Lambda.Toolkit.Events.AmazonMq;

namespace Lambda.Toolkit.Events.Tests;

public class AmazonMqTests
{
    private static readonly LambdaEventsJsonContext Context = LambdaEventsJsonContext.Default;

    [Fact]
    public void The_ActiveMQ_sample_reads_with_its_destination_and_properties()
    {
        var @event = LambdaEventSerializer.Deserialize(SampleEvents.Read("mq/amazonmq-activemq.json"), Context.ActiveMqEvent);

        Assert.Equal("aws:amq", @event.EventSource);
        Assert.Equal(2, @event.Messages.Count);
        var text = @event.Messages[0];
        Assert.StartsWith("ID:b-9bcfa592-423a-4942-879d-eb284b418fc8-1.mq.us-west-2.amazonaws.com", text.MessageId, StringComparison.Ordinal);
        Assert.Equal("jms/text-message", text.MessageType);
        Assert.Equal("ABC:AAAA", text.GetDataString());
        Assert.Equal("testQueue", text.Destination!.PhysicalName);
        Assert.False(text.Redelivered);
        Assert.Null(text.Persistent);
        Assert.Equal("testValue", text.GetProperty("testKey"));
        Assert.Null(text.GetProperty("other"));
        Assert.Equal((1598827811958L, 1598827811959L), (text.BrokerInTime!.Value, text.BrokerOutTime!.Value));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1598827811958), text.GetTimestamp());
        Assert.Equal(20, @event.Messages[1].DecodeData().Length);
        Assert.False(@event.Messages[1].Persistent);
    }

    [Theory]
    [InlineData("physicalName")]
    [InlineData("physicalname")]
    public void The_destination_reads_either_spelling_and_writes_back_the_one_it_read(string spelling)
    {
        var json = $$$"""{"messages":[{"messageID":"m","destination":{"{{{spelling}}}":"orders","other":1}}]}""";

        var @event = LambdaEventSerializer.Deserialize(json, Context.ActiveMqEvent);
        var written = Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(@event, Context.ActiveMqEvent));

        Assert.Equal("orders", @event.Messages[0].Destination!.PhysicalName);
        Assert.Contains($$"""{"{{spelling}}":"orders"}""", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_destination_built_by_hand_is_written_as_documented()
    {
        var written = Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(
            new ActiveMqEvent { Messages = [new ActiveMqMessage { MessageId = "m", Destination = new ActiveMqDestination { PhysicalName = "q" } }] },
            Context.ActiveMqEvent));

        Assert.Equal("""{"messages":[{"messageID":"m","destination":{"physicalName":"q"}}]}""", written);
    }

    [Fact]
    public void Numeric_and_boolean_JMS_properties_keep_their_form()
    {
        const string json = """{"messages":[{"messageID":"m","properties":{"n":5,"b":true,"s":"x","z":null}}]}""";

        var message = LambdaEventSerializer.Deserialize(json, Context.ActiveMqEvent).Messages[0];

        Assert.Equal(("5", "true", "x"), (message.GetProperty("n"), message.GetProperty("b"), message.GetProperty("s")));
        Assert.Null(message.GetProperty("z"));
        Assert.Contains("\"n\":5,\"b\":true", Encoding.UTF8.GetString(LambdaEventSerializer.SerializeToUtf8Bytes(message, Context.ActiveMqMessage)), StringComparison.Ordinal);
    }

    [Fact]
    public void The_RabbitMQ_sample_reads_with_its_queue_key_and_header_forms()
    {
        var @event = LambdaEventSerializer.Deserialize(SampleEvents.Read("mq/amazonmq-rabbitmq.json"), Context.RabbitMqEvent);

        Assert.Equal(RabbitMqEvent.RabbitMqEventSource, @event.EventSource);
        var (queue, messages) = Assert.Single(@event.MessagesByQueue);
        Assert.Equal("pizzaQueue::/", queue);
        var first = messages[0];
        Assert.Equal("""{"timeout":0,"data":"CZrmf0Gw8Ov4bqLQxD4E"}""", first.GetDataString());
        Assert.Equal(("text/plain", 1, 34, "60000", 80L), (first.BasicProperties!.ContentType, first.BasicProperties.DeliveryMode!.Value, first.BasicProperties.Priority!.Value, first.BasicProperties.Expiration, first.BasicProperties.BodySize!.Value));
        Assert.Equal("Jan 1, 1970, 12:33:41 AM", first.BasicProperties.Timestamp);
        Assert.Equal("value1", first.BasicProperties.GetHeader("header1"));
        Assert.Equal("10", first.BasicProperties.GetHeader("numberInHeader"));
        Assert.Null(first.BasicProperties.GetHeader("absent"));
        Assert.Null(first.BasicProperties.MessageId);
        Assert.True(messages[1].Redelivered);
        Assert.Equal("Hello World", messages[1].GetDataString());
    }

    [Fact]
    public void Data_that_is_not_base64_fails_naming_the_field()
    {
        var rabbit = Assert.Throws<EventDeserializationException>(() => new RabbitMqMessage { Data = "not base64!" }.DecodeData());
        var active = Assert.Throws<EventDeserializationException>(() => new ActiveMqMessage { MessageId = "m", Data = "%%" }.GetDataString());

        Assert.Equal("The payload is not a valid RabbitMqMessage at $.data: the data is not valid base64.", rabbit.Message);
        Assert.Equal("$.data", active.JsonPath);
        Assert.Empty(new ActiveMqMessage { MessageId = "m" }.DecodeData());
    }

    [Theory]
    [InlineData("""{"eventSource":"aws:mq"}""", "$", "messages")]
    [InlineData("""{"messages":[{"data":"AA=="}]}""", "$.messages[0]", "messageID")]
    [InlineData("""{"messages":[{"messageID":"m","destination":"q"}]}""", "$.messages[0].destination", "")]
    public void ActiveMQ_events_of_the_wrong_shape_name_the_JSON_path(string json, string path, string mentions)
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(json, Context.ActiveMqEvent));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"eventSource":"aws:rmq"}""", "$", "rmqMessagesByQueue")]
    [InlineData("""{"rmqMessagesByQueue":{"q::/":[{"redelivered":false}]}}""", "$.rmqMessagesByQueue['q::/'][0]", "data")]
    public void RabbitMQ_events_of_the_wrong_shape_name_the_JSON_path(string json, string path, string mentions)
    {
        var error = Assert.Throws<EventDeserializationException>(() => LambdaEventSerializer.Deserialize(json, Context.RabbitMqEvent));

        Assert.Equal(path, error.JsonPath);
        Assert.Contains(mentions, error.Message, StringComparison.Ordinal);
    }
}
