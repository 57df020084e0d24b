namespace Lambda.Toolkit.Batch.Processing;

/// <summary>The event sources the batch adapters recognise.</summary>
internal enum EventSource
{
    Unknown,
    Sqs,
    Kinesis,
    DynamoDb,
    S3,
    Sns,
    EventBridge,
    CloudWatchLogs,

    /// <summary>A Kinesis Data Firehose transformation: top-level <c>deliveryStreamArn</c> and <c>records</c>.</summary>
    Firehose,

    /// <summary>An Amazon S3 Batch Operations invocation: top-level <c>invocationSchemaVersion</c>, <c>job</c> and <c>tasks</c>.</summary>
    S3Batch,

    /// <summary>An SES receipt rule's Lambda action: <c>Records[0].eventSource</c> is <c>aws:ses</c>.</summary>
    Ses,

    /// <summary>An AWS Config custom rule's event: top-level <c>configRuleName</c> and <c>invokingEvent</c> (no Records).</summary>
    Config,

    /// <summary>Amazon MSK or self-managed Apache Kafka: top-level <c>eventSource</c> <c>aws:kafka</c> or <c>SelfManagedKafka</c>.</summary>
    Kafka,

    /// <summary>Amazon MQ for ActiveMQ: top-level <c>eventSource</c> <c>aws:mq</c> (or <c>aws:amq</c>, as some AWS samples have it).</summary>
    ActiveMq,

    /// <summary>Amazon MQ for RabbitMQ: top-level <c>eventSource</c> <c>aws:rmq</c>.</summary>
    RabbitMq,

    /// <summary>A batch event whose Records array is empty: the first batch adapter answers it with no failures.</summary>
    EmptyBatch,
}
