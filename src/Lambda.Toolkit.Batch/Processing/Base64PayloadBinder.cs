using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.Retry;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>
/// Binds a record's base64 payload (a Kafka value, an Amazon MQ body) to the handler's type: decoded into a pooled
/// buffer and read from there, with no intermediate string. A payload that is absent, not base64 or not the type is
/// a permanent failure of that record only (<see cref="RecordBindingException"/>), naming the record.
/// </summary>
internal static class Base64PayloadBinder
{
    /// <summary>Reads <paramref name="base64"/> as JSON of <typeparamref name="T"/>.</summary>
    /// <param name="base64">The payload as the event carries it.</param>
    /// <param name="type">The handler's type.</param>
    /// <param name="field">The payload's name in the record, for example <c>value</c>.</param>
    /// <param name="record">The record, for the message, for example <c>Kafka record orders-0@42</c>.</param>
    public static T Bind<T>(string? base64, JsonTypeInfo<T> type, string field, string record)
    {
        if (base64 is null)
        {
            throw new RecordBindingException(typeof(T), $"The {field} of {record} is absent, so it cannot be read as {typeof(T).Name}.");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, (base64.Length / 4 * 3) + 3));
        try
        {
            if (!Convert.TryFromBase64String(base64, buffer, out var length))
            {
                throw new RecordBindingException(typeof(T), $"The {field} of {record} is not valid base64.");
            }

            try
            {
                return EventReader.Read(buffer.AsSpan(0, length), type);
            }
            catch (InvalidEventException ex)
            {
                throw new RecordBindingException(typeof(T), $"The {field} of {record} is not a valid {typeof(T).Name} at {ex.JsonPath ?? "$"}.", ex);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
