using System.Text;
using Lambda.Toolkit.Batch.Processing;

namespace Lambda.Toolkit.Batch.Tests;

/// <summary>The batch classifier's answers for payloads whose source is named at the top (Kafka, Amazon MQ) and its neighbours.</summary>
public class ClassifierTests
{
    private static string Classify(byte[] payload) =>
        new InvocationContext("r-1", DateTimeOffset.UtcNow.AddMinutes(1), EventReader.TrimByteOrderMark(payload)).Classify(EventSourceClassifier.Instance).ToString();

    [Theory]
    [InlineData("kafka/kafka-event.json", "Kafka")]
    [InlineData("kafka/docs-self-managed-kafka-event.json", "Kafka")]
    [InlineData("mq/amazonmq-activemq.json", "ActiveMq")]
    [InlineData("mq/amazonmq-rabbitmq.json", "RabbitMq")]
    [InlineData("sqs/sqs-event.json", "Sqs")]
    [InlineData("firehose/kinesis-firehose-event.json", "Firehose")]
    public void Sample_events_are_classified(string file, string expected) =>
        Assert.Equal(expected, Classify(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", file))));

    [Theory]
    [InlineData("""{"eventSource":"aws:mq","messages":[]}""", "ActiveMq")]
    [InlineData("""{"records":{"t-0":[{"topic":"t","eventSource":"x"}]},"eventSource":"SelfManagedKafka"}""", "Kafka")]
    [InlineData("""{"eventSource":"aws:rmq"}""", "RabbitMq")]
    [InlineData("""{"eventSource":"aws:kafka2","records":{}}""", "Unknown")]
    [InlineData("""{"eventSource":7,"Records":[{"eventSource":"aws:sqs"}]}""", "Sqs")]
    [InlineData("""{"eventSource":"custom","Records":[{"eventSource":"aws:kinesis"}]}""", "Kinesis")]
    [InlineData("""{"detail":{"eventSource":"aws:kafka"}}""", "Unknown")]
    public void A_top_level_eventSource_names_Kafka_and_Amazon_MQ_and_nothing_else(string json, string expected) =>
        Assert.Equal(expected, Classify(Encoding.UTF8.GetBytes(json)));
}
