using System.Text;
using Lambda.Toolkit.Events.Sqs;

namespace Lambda.Toolkit.Testing.Events;

/// <summary>
/// What one message of an <see cref="SqsEventBuilder"/> batch carries beyond its body. Every property left
/// <see langword="null"/> gets a realistic value when the batch is built.
/// </summary>
public sealed class SqsMessageOptions
{
    /// <summary>The message id. Default: a new UUID.</summary>
    public string? MessageId { get; set; }

    /// <summary>The FIFO message group id. Default on a FIFO queue: <c>default</c>; ignored on a standard queue.</summary>
    public string? GroupId { get; set; }

    /// <summary>The FIFO deduplication id. Default on a FIFO queue: the SHA-256 of the body, as content-based deduplication makes it.</summary>
    public string? DeduplicationId { get; set; }

    /// <summary>How many times the message has been received, this time included. Default: <c>1</c>.</summary>
    public int ReceiveCount { get; set; } = 1;

    /// <summary>When the message was sent. Default: the builder's time.</summary>
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The message attributes, by name.</summary>
    public IDictionary<string, SqsMessageAttribute> Attributes { get; } = new Dictionary<string, SqsMessageAttribute>(StringComparer.Ordinal);

    /// <summary>Adds a <c>String</c> message attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The attribute value.</param>
    /// <returns>These options, for chaining.</returns>
    public SqsMessageOptions WithStringAttribute(string name, string value) => With(name, "String", value, null);

    /// <summary>Adds a <c>Number</c> message attribute.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The number, written in invariant culture.</param>
    /// <returns>These options, for chaining.</returns>
    public SqsMessageOptions WithNumberAttribute(string name, decimal value) =>
        With(name, "Number", value.ToString(System.Globalization.CultureInfo.InvariantCulture), null);

    /// <summary>Adds a <c>Binary</c> message attribute; the value travels base64-encoded.</summary>
    /// <param name="name">The attribute name.</param>
    /// <param name="value">The bytes.</param>
    /// <returns>These options, for chaining.</returns>
    public SqsMessageOptions WithBinaryAttribute(string name, ReadOnlySpan<byte> value) => With(name, "Binary", null, Convert.ToBase64String(value));

    private SqsMessageOptions With(string name, string dataType, string? text, string? binary)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Attributes[name] = new SqsMessageAttribute { DataType = dataType, StringValue = text, BinaryValue = binary, StringListValues = [], BinaryListValues = [] };
        return this;
    }

    /// <summary>Lower-case hex MD5 of the attributes in the encoding SQS hashes for <c>md5OfMessageAttributes</c>.</summary>
    internal static string? Md5OfAttributes(IDictionary<string, SqsMessageAttribute> attributes)
    {
        if (attributes.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        foreach (var name in attributes.Keys.Order(StringComparer.Ordinal))
        {
            var attribute = attributes[name];
            Write(buffer, Encoding.UTF8.GetBytes(name));
            Write(buffer, Encoding.UTF8.GetBytes(attribute.DataType));
            if (attribute.BinaryValue is { } binary)
            {
                buffer.WriteByte(2);
                Write(buffer, Convert.FromBase64String(binary));
            }
            else
            {
                buffer.WriteByte(1);
                Write(buffer, Encoding.UTF8.GetBytes(attribute.StringValue ?? string.Empty));
            }
        }

        return EventIds.Md5Hex(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    private static void Write(MemoryStream buffer, byte[] bytes)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
