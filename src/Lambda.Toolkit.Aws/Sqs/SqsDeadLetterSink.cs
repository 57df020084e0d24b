using System.Text;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using Lambda.Toolkit.Batch.DeadLetter;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Aws.Sqs;

/// <summary>
/// Sends dead letters to an SQS queue with <c>SendMessageBatch</c>, in requests of at most 10 messages and
/// <see cref="MaxBatchBytes"/>. Bodies and message attributes are preserved; the failure is added as attributes (see
/// <see cref="SqsDeadLetterAttributes"/>). Messages SQS does not accept — a failed entry, a failed request, a
/// message over the queue's <c>MaximumMessageSize</c> — are returned as refused, so the batch adapter reports them
/// failed instead of acknowledging them.
/// </summary>
/// <remarks>
/// The queue's <c>MaximumMessageSize</c> attribute is read once per sink (<c>GetQueueAttributes</c>, which needs the
/// <c>sqs:GetQueueAttributes</c> permission); when it cannot be read, SQS's own limit,
/// <see cref="DefaultMaxMessageBytes"/>, is assumed and SQS itself refuses what the queue does not accept.
/// </remarks>
public sealed class SqsDeadLetterSink : IDeadLetterSink
{
    /// <summary>
    /// SQS's limit on one message, and a queue's default <c>MaximumMessageSize</c>: 1 MiB (1,048,576 bytes), since
    /// SQS raised it from 256 KB in 2025.
    /// </summary>
    public const int DefaultMaxMessageBytes = 1024 * 1024;

    /// <summary>SQS's limit on one <c>SendMessageBatch</c> request, all entries together: 1 MiB (1,048,576 bytes), since 2025.</summary>
    public const int MaxBatchBytes = 1024 * 1024;

    private const string MaximumMessageSize = "MaximumMessageSize";

    private const int MaxEntries = 10;
    private const int MaxAttributes = 10;
    private const int MaxErrorMessageLength = 1024;
    private readonly IAmazonSQS _sqs;
    private readonly string _queueUrl;
    private readonly bool _fifo;
    private readonly Lazy<Task<int>> _maxMessageBytes;

    /// <summary>Creates a sink for <paramref name="queueUrl"/>.</summary>
    /// <param name="sqs">The SQS client.</param>
    /// <param name="queueUrl">The dead-letter queue's URL; a FIFO queue's ends in <c>.fifo</c>.</param>
    public SqsDeadLetterSink(IAmazonSQS sqs, string queueUrl)
    {
        ArgumentNullException.ThrowIfNull(sqs);
        ArgumentException.ThrowIfNullOrEmpty(queueUrl);
        _sqs = sqs;
        _queueUrl = queueUrl;
        _fifo = queueUrl.EndsWith(".fifo", StringComparison.Ordinal);
        _maxMessageBytes = new(ReadMaxMessageBytesAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyCollection<string>> SendAsync(IReadOnlyList<DeadLetterMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var refused = new List<string>();
        var maxMessageBytes = await MaxMessageBytesAsync(cancellationToken).ConfigureAwait(false);
        var chunk = new List<(SendMessageBatchRequestEntry Entry, string RecordId)>(MaxEntries);
        var chunkBytes = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            var (entry, bytes) = ToEntry(messages[i], i);
            if (bytes > maxMessageBytes)
            {
                refused.Add(messages[i].RecordId);
                continue;
            }

            if (chunk.Count == MaxEntries || chunkBytes + bytes > MaxBatchBytes)
            {
                await SendChunkAsync(chunk, refused, cancellationToken).ConfigureAwait(false);
                chunk.Clear();
                chunkBytes = 0;
            }

            chunk.Add((entry, messages[i].RecordId));
            chunkBytes += bytes;
        }

        if (chunk.Count > 0)
        {
            await SendChunkAsync(chunk, refused, cancellationToken).ConfigureAwait(false);
        }

        return refused;
    }

    /// <summary>The queue's <c>MaximumMessageSize</c>, read on first use; <see cref="DefaultMaxMessageBytes"/> when it cannot be read.</summary>
    private async ValueTask<int> MaxMessageBytesAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _maxMessageBytes.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return DefaultMaxMessageBytes; // the send is refused as cancelled anyway
        }
    }

    private async Task<int> ReadMaxMessageBytesAsync()
    {
        try
        {
            var response = await _sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest { QueueUrl = _queueUrl, AttributeNames = [MaximumMessageSize] }).ConfigureAwait(false);
            if (response.Attributes is { } attributes
                && attributes.TryGetValue(MaximumMessageSize, out var value)
                && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size)
                && size > 0)
            {
                return Math.Min(size, DefaultMaxMessageBytes);
            }
        }
        catch (Exception ex) when (ex is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
        {
            // No permission, no such queue, no network: SQS's own limit; SQS refuses what the queue does not accept.
        }

        return DefaultMaxMessageBytes;
    }

    private async Task SendChunkAsync(List<(SendMessageBatchRequestEntry Entry, string RecordId)> chunk, List<string> refused, CancellationToken cancellationToken)
    {
        SendMessageBatchResponse response;
        try
        {
            response = await _sqs.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = _queueUrl, Entries = chunk.ConvertAll(c => c.Entry) }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is AmazonSQSException or HttpRequestException or IOException or TaskCanceledException or OperationCanceledException)
        {
            refused.AddRange(chunk.ConvertAll(c => c.RecordId));
            return;
        }

        var accepted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var success in response.Successful ?? [])
        {
            accepted.Add(success.Id);
        }

        foreach (var (entry, recordId) in chunk)
        {
            // An entry SQS did not confirm (listed in Failed, or missing) stays refused.
            if (!accepted.Contains(entry.Id))
            {
                refused.Add(recordId);
            }
        }
    }

    private (SendMessageBatchRequestEntry Entry, int Bytes) ToEntry(DeadLetterMessage message, int index)
    {
        var attributes = new Dictionary<string, MessageAttributeValue>(StringComparer.Ordinal)
        {
            [SqsDeadLetterAttributes.ErrorType] = Text(message.ErrorType),
            [SqsDeadLetterAttributes.ErrorMessage] = Text(message.ErrorMessage.Length > MaxErrorMessageLength ? message.ErrorMessage[..MaxErrorMessageLength] : message.ErrorMessage.Length == 0 ? "-" : message.ErrorMessage),
            [SqsDeadLetterAttributes.RecordId] = Text(message.RecordId),
        };
        if (!string.IsNullOrEmpty(message.Source))
        {
            attributes[SqsDeadLetterAttributes.Source] = Text(message.Source);
        }

        // The correlation id travels with the message whatever else has to be dropped.
        var correlated = !string.IsNullOrEmpty(message.CorrelationId);
        if (correlated)
        {
            attributes[SqsDeadLetterAttributes.CorrelationId] = Text(message.CorrelationId!);
        }

        var dropped = new List<string>();
        if (message.Attributes is { Count: > 0 } originals)
        {
            var copies = originals.Count - (correlated && originals.ContainsKey(SqsDeadLetterAttributes.CorrelationId) ? 1 : 0);
            var room = MaxAttributes - attributes.Count - 1; // one left for DroppedAttributes if needed
            if (copies <= MaxAttributes - attributes.Count)
            {
                room = MaxAttributes - attributes.Count;
            }

            foreach (var (name, value) in originals.OrderBy(static kv => kv.Key, StringComparer.Ordinal))
            {
                if (correlated && name == SqsDeadLetterAttributes.CorrelationId)
                {
                    continue; // already carried, from the record's correlation id
                }

                var copy = Copy(value);
                if (copy is null || room == 0 || attributes.ContainsKey(name))
                {
                    dropped.Add(name);
                    continue;
                }

                attributes[name] = copy;
                room--;
            }
        }

        if (dropped.Count > 0)
        {
            attributes[SqsDeadLetterAttributes.DroppedAttributes] = Text(string.Join(',', dropped));
        }

        var entry = new SendMessageBatchRequestEntry
        {
            Id = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MessageBody = message.Body.Length == 0 ? " " : message.Body,
            MessageAttributes = attributes,
        };
        if (_fifo)
        {
            entry.MessageGroupId = message.MessageGroupId ?? "dead-letters";
            entry.MessageDeduplicationId = Deduplication(message.RecordId);
        }

        return (entry, Size(entry));
    }

    private static MessageAttributeValue Text(string value) => new() { DataType = "String", StringValue = value };

    private static MessageAttributeValue? Copy(SqsMessageAttribute attribute)
    {
        switch (attribute.Kind)
        {
            case SqsAttributeKind.String:
            case SqsAttributeKind.Number:
                return attribute.StringValue is null ? null : new MessageAttributeValue { DataType = attribute.DataType, StringValue = attribute.StringValue };
            case SqsAttributeKind.Binary:
                try
                {
                    return attribute.BinaryValue is null ? null : new MessageAttributeValue { DataType = attribute.DataType, BinaryValue = new MemoryStream(Convert.FromBase64String(attribute.BinaryValue)) };
                }
                catch (FormatException)
                {
                    return null;
                }

            default:
                // SQS accepts only String, Number and Binary data types.
                return null;
        }
    }

    private static int Size(SendMessageBatchRequestEntry entry)
    {
        var bytes = Encoding.UTF8.GetByteCount(entry.MessageBody);
        foreach (var (name, value) in entry.MessageAttributes)
        {
            bytes += Encoding.UTF8.GetByteCount(name) + Encoding.UTF8.GetByteCount(value.DataType);
            bytes += value.StringValue is null ? (int)(value.BinaryValue?.Length ?? 0) : Encoding.UTF8.GetByteCount(value.StringValue);
        }

        return bytes;
    }

    private static string Deduplication(string recordId)
    {
        var id = new StringBuilder(Math.Min(recordId.Length, 128));
        foreach (var c in recordId)
        {
            if (id.Length == 128)
            {
                break;
            }

            id.Append(char.IsAsciiLetterOrDigit(c) || "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".Contains(c, StringComparison.Ordinal) ? c : '_');
        }

        return id.ToString();
    }
}
