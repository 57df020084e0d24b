using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// Tells an event's source from a quick forward scan of its payload: the first record's
/// <c>eventSource</c> (<c>EventSource</c> for SNS), a top-level <c>detail-type</c> for EventBridge, a top-level
/// <c>awslogs</c> for CloudWatch Logs, top-level <c>deliveryStreamArn</c> and <c>records</c> for Firehose, top-level
/// <c>invocationSchemaVersion</c>, <c>job</c> (an object) and <c>tasks</c> (an array) for S3 Batch Operations,
/// top-level <c>configRuleName</c> and <c>invokingEvent</c> for an AWS Config rule, or a top-level
/// <c>eventSource</c> for Kafka (<c>aws:kafka</c>, <c>SelfManagedKafka</c>) and Amazon MQ (<c>aws:mq</c>, <c>aws:rmq</c>).
/// It stops at the first answer and allocates nothing. Every batch adapter of an application shares the one
/// instance, so the payload is scanned once per invocation however many sources are mapped.
/// </summary>
internal sealed class EventSourceClassifier : EventClassifier<EventSource>
{
    public static readonly EventSourceClassifier Instance = new();

    /// <summary>Classifies a payload without an invocation context (the override is protected): for tests.</summary>
    internal EventSource ClassifyPayload(ReadOnlySpan<byte> payload) => Classify(payload);

    protected override EventSource Classify(ReadOnlySpan<byte> payload)
    {
        var firehoseArn = false;
        var firehoseRecords = false;
        var s3BatchVersion = false;
        var s3BatchJob = false;
        var s3BatchTasks = false;
        var configRuleName = false;
        var configInvokingEvent = false;
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return EventSource.Unknown;
            }

            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("detail-type"u8))
                {
                    return EventSource.EventBridge;
                }

                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("awslogs"u8))
                {
                    return EventSource.CloudWatchLogs;
                }

                // Records[0].eventSource sits at depth 3: root, Records array, first record.
                if (reader.CurrentDepth == 3 && (reader.ValueTextEquals("eventSource"u8) || reader.ValueTextEquals("EventSource"u8)))
                {
                    reader.Read();
                    return reader.TokenType != JsonTokenType.String ? EventSource.Unknown
                        : reader.ValueTextEquals("aws:sqs"u8) ? EventSource.Sqs
                        : reader.ValueTextEquals("aws:kinesis"u8) ? EventSource.Kinesis
                        : reader.ValueTextEquals("aws:dynamodb"u8) ? EventSource.DynamoDb
                        : reader.ValueTextEquals("aws:s3"u8) ? EventSource.S3
                        : reader.ValueTextEquals("aws:sns"u8) ? EventSource.Sns
                        : reader.ValueTextEquals("aws:ses"u8) ? EventSource.Ses
                        : EventSource.Unknown;
                }

                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("Records"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.EndArray)
                    {
                        return EventSource.EmptyBatch;
                    }

                    continue;
                }

                // Kafka and Amazon MQ name their source at the top, not per record; another value is no answer yet.
                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("eventSource"u8))
                {
                    reader.Read();
                    var topLevel = reader.TokenType != JsonTokenType.String ? EventSource.Unknown
                        : reader.ValueTextEquals("aws:kafka"u8) || reader.ValueTextEquals("SelfManagedKafka"u8) ? EventSource.Kafka
                        : reader.ValueTextEquals("aws:mq"u8) || reader.ValueTextEquals("aws:amq"u8) ? EventSource.ActiveMq
                        : reader.ValueTextEquals("aws:rmq"u8) ? EventSource.RabbitMq
                        : EventSource.Unknown;
                    if (topLevel != EventSource.Unknown)
                    {
                        return topLevel;
                    }

                    reader.Skip();
                    continue;
                }

                if (reader.CurrentDepth == 1)
                {
                    firehoseArn |= reader.ValueTextEquals("deliveryStreamArn"u8);
                    s3BatchVersion |= reader.ValueTextEquals("invocationSchemaVersion"u8);
                    var isRecords = reader.ValueTextEquals("records"u8);
                    var isJob = reader.ValueTextEquals("job"u8);
                    var isTasks = reader.ValueTextEquals("tasks"u8);
                    var isRuleName = reader.ValueTextEquals("configRuleName"u8);
                    var isInvokingEvent = reader.ValueTextEquals("invokingEvent"u8);
                    reader.Read();
                    firehoseRecords |= isRecords && reader.TokenType == JsonTokenType.StartArray;
                    if (firehoseArn && firehoseRecords)
                    {
                        return EventSource.Firehose;
                    }

                    s3BatchJob |= isJob && reader.TokenType == JsonTokenType.StartObject;
                    s3BatchTasks |= isTasks && reader.TokenType == JsonTokenType.StartArray;
                    if (s3BatchVersion && s3BatchJob && s3BatchTasks)
                    {
                        return EventSource.S3Batch;
                    }

                    configRuleName |= isRuleName && reader.TokenType == JsonTokenType.String;
                    configInvokingEvent |= isInvokingEvent && reader.TokenType == JsonTokenType.String;
                    if (configRuleName && configInvokingEvent)
                    {
                        return EventSource.Config;
                    }

                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: no adapter claims it, and the function reports the event as unrouted.
        }

        return EventSource.Unknown;
    }
}
