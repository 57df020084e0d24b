using Amazon.SQS.Model;
using Lambda.Toolkit.Events;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Local.Commands;

/// <summary>
/// Turns messages received with the AWS SDK into the SQS event Lambda sends: the toolkit's own models, written with
/// its source-generated JSON, with the fields Lambda sets (<c>eventSource</c>, <c>eventSourceARN</c> from the
/// queue's <c>QueueArn</c>, <c>awsRegion</c>, <c>md5OfBody</c>, every system attribute, the message attributes with
/// their list fields present and empty, as Lambda writes them).
/// </summary>
internal static class SqsEventMapper
{
    /// <summary>One received message as a record of Lambda's SQS event.</summary>
    public static SqsMessage ToRecord(Message message, string queueArn, string region) => new()
    {
        MessageId = message.MessageId,
        ReceiptHandle = message.ReceiptHandle,
        Body = message.Body ?? string.Empty,
        Attributes = message.Attributes is { } attributes ? new Dictionary<string, string>(attributes, StringComparer.Ordinal) : [],
        MessageAttributes = message.MessageAttributes is { } values
            ? values.ToDictionary(pair => pair.Key, pair => ToAttribute(pair.Value), StringComparer.Ordinal)
            : [],
        Md5OfBody = message.MD5OfBody,
        Md5OfMessageAttributes = message.MD5OfMessageAttributes,
        EventSource = "aws:sqs",
        EventSourceArn = queueArn,
        AwsRegion = region,
    };

    /// <summary>The event for <paramref name="records"/>, UTF-8 JSON.</summary>
    public static byte[] Serialize(IEnumerable<SqsMessage> records) =>
        LambdaEventSerializer.SerializeToUtf8Bytes(new SqsEvent { Records = [.. records] }, SqsJsonContext.Default.SqsEvent);

    /// <summary>The region in an ARN (<c>arn:aws:sqs:us-east-2:123456789012:orders</c>), or <see langword="null"/>.</summary>
    public static string? RegionOf(string arn)
    {
        var parts = arn.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[3].Length > 0 ? parts[3] : null;
    }

    private static SqsMessageAttribute ToAttribute(MessageAttributeValue value) => new()
    {
        DataType = value.DataType,
        StringValue = value.StringValue,
        BinaryValue = value.BinaryValue is { } binary ? Convert.ToBase64String(binary.ToArray()) : null,
        StringListValues = value.StringListValues is { } strings ? [.. strings] : [],
        BinaryListValues = value.BinaryListValues is { } binaries ? [.. binaries.Select(b => Convert.ToBase64String(b.ToArray()))] : [],
    };
}
