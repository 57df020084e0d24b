using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace JobQueue.Adapter;

/// <summary>
/// Recognises a job batch by a top-level <c>jobs</c> array, with a forward scan that stops at the answer. One shared
/// instance: however many job routes are mapped, the payload is scanned once per invocation.
/// </summary>
internal sealed class JobBatchClassifier : EventClassifier<bool>
{
    public static readonly JobBatchClassifier Instance = new();

    protected override bool Classify(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isJobs = reader.ValueTextEquals("jobs"u8);
                reader.Read();
                if (isJobs)
                {
                    return reader.TokenType == JsonTokenType.StartArray;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: not a job batch.
        }

        return false;
    }
}
