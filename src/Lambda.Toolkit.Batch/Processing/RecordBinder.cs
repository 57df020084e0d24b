using System.Text.Json.Serialization.Metadata;
using Lambda.Toolkit.Batch.Retry;

namespace Lambda.Toolkit.Batch.Processing;

/// <summary>Binds the JSON payload inside a record (an SQS body, an SNS message) to the handler's type.</summary>
internal static class RecordBinder
{
    /// <summary>Reads a record's JSON payload as <typeparamref name="T"/>; a failure is a permanent failure of that record only.</summary>
    public static T Bind<T>(string json, JsonTypeInfo<T> type, string recordId)
    {
        try
        {
            return EventReader.Read(json, type);
        }
        catch (InvalidEventException ex)
        {
            throw new RecordBindingException(typeof(T), $"The payload of record {recordId} is not a valid {typeof(T).Name} at {ex.JsonPath ?? "$"}.", ex);
        }
    }
}
