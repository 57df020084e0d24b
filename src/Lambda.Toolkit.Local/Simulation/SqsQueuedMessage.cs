using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Local.Simulation;

/// <summary>A message in the simulated queue: what SQS keeps about it, and how it is delivered.</summary>
internal sealed class SqsQueuedMessage(RecordFate fate, SqsMessage sent, DateTimeOffset sentAt, string? groupId, string? deduplicationId, long sequenceNumber)
{
    /// <summary>Its row of the fate table.</summary>
    public RecordFate Fate { get; } = fate;

    /// <summary>The message as sent.</summary>
    public SqsMessage Sent { get; } = sent;

    /// <summary>When it was sent.</summary>
    public DateTimeOffset SentAt { get; } = sentAt;

    /// <summary>Its message group (FIFO only).</summary>
    public string? GroupId { get; } = groupId;

    /// <summary>Its deduplication id (FIFO only).</summary>
    public string? DeduplicationId { get; } = deduplicationId;

    /// <summary>How many times it was received (SQS's <c>ApproximateReceiveCount</c>).</summary>
    public int ReceiveCount { get; private set; }

    /// <summary>When it can be received (again).</summary>
    public DateTimeOffset VisibleAt { get; private set; } = sentAt;

    /// <summary>When it was first received.</summary>
    public DateTimeOffset? FirstReceivedAt { get; private set; }

    /// <summary>Whether a receive at <paramref name="now"/> can return it.</summary>
    public bool IsVisible(DateTimeOffset now) => !Fate.Settled && VisibleAt <= now;

    /// <summary>Receives it: counts the receive, hides it for the visibility timeout, and returns the record as Lambda delivers it.</summary>
    public SqsMessage Receive(DateTimeOffset now, TimeSpan visibilityTimeout, string queueArn, string region)
    {
        ReceiveCount++;
        FirstReceivedAt ??= now;
        VisibleAt = SqsRules.VisibleAgainAt(now, visibilityTimeout);
        Fate.Deliveries++;

        // The attributes SQS sets on a receive; the sender's own attributes (e.g. AWSTraceHeader) are kept.
        var attributes = new Dictionary<string, string>(Sent.Attributes ?? [], StringComparer.Ordinal)
        {
            ["ApproximateReceiveCount"] = ReceiveCount.ToString(CultureInfo.InvariantCulture),
            ["SentTimestamp"] = SentAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["ApproximateFirstReceiveTimestamp"] = FirstReceivedAt.Value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        };
        attributes.TryAdd("SenderId", "AIDAIENQZJOLO23YVJ4VO");
        if (GroupId is not null)
        {
            attributes["MessageGroupId"] = GroupId;
            attributes["MessageDeduplicationId"] = DeduplicationId!;
            attributes["SequenceNumber"] = sequenceNumber.ToString("D20", CultureInfo.InvariantCulture);
        }

        return new SqsMessage
        {
            MessageId = Sent.MessageId,
            ReceiptHandle = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Sent.MessageId}#{ReceiveCount}#{now.ToUnixTimeMilliseconds()}")),
            Body = Sent.Body,
            Attributes = attributes,
            MessageAttributes = Sent.MessageAttributes ?? [],
            Md5OfBody = Md5(Sent.Body),
            Md5OfMessageAttributes = Sent.Md5OfMessageAttributes,
            EventSource = "aws:sqs",
            EventSourceArn = queueArn,
            AwsRegion = region,
        };
    }

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms", Justification = "SQS's md5OfBody is an MD5 digest by definition; it is a checksum, not security.")]
    private static string Md5(string body) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
}
