using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Events.Firehose;

namespace Lambda.Toolkit.Batch.Firehose;

/// <summary>
/// What a Firehose transformation handler made of one record: <see cref="Ok(ReadOnlyMemory{byte})"/> with the new
/// data (the adapter base64-encodes it), <see cref="Dropped"/> or <see cref="ProcessingFailed"/> (both answer with
/// the record's original data), optionally with partition keys for dynamic partitioning. Immutable:
/// <see cref="WithPartitionKey(string, string)"/> returns a new result.
/// </summary>
public sealed class FirehoseResult
{
    private FirehoseResult(FirehoseRecordResult result, ReadOnlyMemory<byte> data, IReadOnlyDictionary<string, string>? partitionKeys)
    {
        Result = result;
        Data = data;
        PartitionKeys = partitionKeys;
    }

    /// <summary>The record is left out of the delivery on purpose.</summary>
    public static FirehoseResult Dropped { get; } = new(FirehoseRecordResult.Dropped, ReadOnlyMemory<byte>.Empty, null);

    /// <summary>The record could not be transformed; Firehose sends its original data to the error output.</summary>
    public static FirehoseResult ProcessingFailed { get; } = new(FirehoseRecordResult.ProcessingFailed, ReadOnlyMemory<byte>.Empty, null);

    /// <summary>The outcome written to the response.</summary>
    public FirehoseRecordResult Result { get; }

    /// <summary>The transformed data when <see cref="Result"/> is <see cref="FirehoseRecordResult.Ok"/>; empty otherwise.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>The dynamic-partitioning keys, or <see langword="null"/> when there are none.</summary>
    public IReadOnlyDictionary<string, string>? PartitionKeys { get; }

    /// <summary>The record was transformed into <paramref name="data"/>.</summary>
    /// <param name="data">The new data, raw (not base64).</param>
    /// <returns>The result.</returns>
    public static FirehoseResult Ok(ReadOnlyMemory<byte> data) => new(FirehoseRecordResult.Ok, data, null);

    /// <summary>The record was transformed into <paramref name="text"/>, delivered as UTF-8.</summary>
    /// <param name="text">The new data.</param>
    /// <returns>The result.</returns>
    public static FirehoseResult Ok(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Ok(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The record was transformed into <paramref name="value"/>, delivered as UTF-8 JSON.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The new record.</param>
    /// <param name="valueType">Source-generated metadata for <typeparamref name="T"/>.</param>
    /// <returns>The result.</returns>
    public static FirehoseResult Ok<T>(T value, JsonTypeInfo<T> valueType)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        return Ok(JsonSerializer.SerializeToUtf8Bytes(value, valueType));
    }

    /// <summary>Returns this result with one more partition key (a key given twice keeps its last value).</summary>
    /// <param name="key">The partition key's name, as the delivery stream's prefix names it.</param>
    /// <param name="value">Its value for this record.</param>
    /// <returns>A new result.</returns>
    public FirehoseResult WithPartitionKey(string key, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        var keys = PartitionKeys is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(PartitionKeys, StringComparer.Ordinal);
        keys[key] = value;
        return new FirehoseResult(Result, Data, keys);
    }
}
