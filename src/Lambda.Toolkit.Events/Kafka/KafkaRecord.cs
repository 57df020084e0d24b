using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Kafka;

/// <summary>
/// One Kafka record of a <see cref="KafkaEvent"/>. The key and value stay base64 strings as Lambda sends them
/// (nothing is decoded unless asked: <see cref="DecodeValue"/>, <see cref="GetValueString"/>, <see cref="DecodeKey"/>);
/// headers stay in their wire form, each value a JSON array of signed byte numbers.
/// </summary>
public sealed class KafkaRecord
{
    /// <summary>The topic.</summary>
    [JsonPropertyName("topic")]
    [JsonRequired]
    public required string Topic { get; set; }

    /// <summary>The partition within the topic.</summary>
    [JsonPropertyName("partition")]
    [JsonRequired]
    public required int Partition { get; set; }

    /// <summary>The record's offset within its partition.</summary>
    [JsonPropertyName("offset")]
    [JsonRequired]
    public required long Offset { get; set; }

    /// <summary>The record's timestamp in epoch milliseconds (its meaning is <see cref="TimestampType"/>); read it with <see cref="GetTimestamp"/>.</summary>
    [JsonPropertyName("timestamp")]
    public long? Timestamp { get; set; }

    /// <summary><c>CREATE_TIME</c> (set by the producer) or <c>LOG_APPEND_TIME</c> (set by the broker).</summary>
    [JsonPropertyName("timestampType")]
    public string? TimestampType { get; set; }

    /// <summary>The key, base64-encoded; absent when the record has no key.</summary>
    [JsonPropertyName("key")]
    public string? Key { get; set; }

    /// <summary>The value, base64-encoded; absent for a tombstone (a record with a null value).</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }

    /// <summary>
    /// The headers in their wire form: a list of one-entry objects, each mapping a header name to its value's
    /// bytes as Java writes them (signed, -128 to 127). Names may repeat. Read one with <see cref="GetHeader"/>.
    /// </summary>
    [JsonPropertyName("headers")]
    public IList<IDictionary<string, sbyte[]>>? Headers { get; set; }

    /// <summary>How the key was serialized, when a schema registry is configured.</summary>
    [JsonPropertyName("keySchemaMetadata")]
    public KafkaSchemaMetadata? KeySchemaMetadata { get; set; }

    /// <summary>How the value was serialized, when a schema registry is configured.</summary>
    [JsonPropertyName("valueSchemaMetadata")]
    public KafkaSchemaMetadata? ValueSchemaMetadata { get; set; }

    /// <summary>The record's partition as Lambda keys it in <see cref="KafkaEvent.Records"/>: <c>topic-partition</c>.</summary>
    /// <returns>For example <c>orders-3</c>.</returns>
    public string GetTopicPartition() => string.Create(CultureInfo.InvariantCulture, $"{Topic}-{Partition}");

    /// <summary>The value's bytes.</summary>
    /// <returns>The bytes, or <see langword="null"/> for a tombstone (no value).</returns>
    /// <exception cref="EventDeserializationException">The value is not valid base64.</exception>
    public byte[]? DecodeValue() => Decode(Value, "$.value", "value");

    /// <summary>The value as UTF-8 text.</summary>
    /// <returns>The text, or <see langword="null"/> for a tombstone (no value).</returns>
    /// <exception cref="EventDeserializationException">The value is not valid base64.</exception>
    public string? GetValueString() => DecodeValue() is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The key's bytes.</summary>
    /// <returns>The bytes, or <see langword="null"/> when the record has no key.</returns>
    /// <exception cref="EventDeserializationException">The key is not valid base64.</exception>
    public byte[]? DecodeKey() => Decode(Key, "$.key", "key");

    /// <summary>The key as UTF-8 text.</summary>
    /// <returns>The text, or <see langword="null"/> when the record has no key.</returns>
    /// <exception cref="EventDeserializationException">The key is not valid base64.</exception>
    public string? GetKeyString() => DecodeKey() is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The value of the first header named <paramref name="name"/> (names are case-sensitive, as in Kafka).</summary>
    /// <param name="name">The header's name.</param>
    /// <returns>The header's bytes, or <see langword="null"/> when there is no such header.</returns>
    public byte[]? GetHeader(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Headers is null)
        {
            return null;
        }

        foreach (var header in Headers)
        {
            if (header is not null && header.TryGetValue(name, out var value))
            {
                return value is null ? [] : MemoryMarshal.Cast<sbyte, byte>(value).ToArray();
            }
        }

        return null;
    }

    /// <summary>The value of the first header named <paramref name="name"/>, as UTF-8 text.</summary>
    /// <param name="name">The header's name.</param>
    /// <returns>The text, or <see langword="null"/> when there is no such header.</returns>
    public string? GetHeaderString(string name) => GetHeader(name) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>The record's <see cref="Timestamp"/> as an instant.</summary>
    /// <returns>The instant, or <see langword="null"/> when absent.</returns>
    public DateTimeOffset? GetTimestamp() => Timestamp is { } ms ? EpochTime.FromMilliseconds(ms) : null;

    private static byte[]? Decode(string? base64, string path, string what)
    {
        if (base64 is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new EventDeserializationException(typeof(KafkaRecord), path, $"the {what} is not valid base64.", ex);
        }
    }
}
