using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Triggers.CodeCommit;

/// <summary>
/// Recognises a CodeCommit trigger event: a JSON object whose <c>Records</c> array's first record has
/// <c>"eventSource": "aws:codecommit"</c>. A forward scan that skips other values, allocation-free.
/// </summary>
internal sealed class CodeCommitClassifier : EventClassifier<bool>
{
    public static readonly CodeCommitClassifier Instance = new();

    /// <summary>The classifier's answer without the per-invocation cache, for tests.</summary>
    internal bool Recognises(ReadOnlySpan<byte> payload) => Classify(payload);

    protected override bool Classify(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (!reader.ValueTextEquals("Records"u8))
                {
                    if (!reader.Read() || !reader.TrySkip())
                    {
                        return false;
                    }

                    continue;
                }

                if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueTextEquals("eventSource"u8))
                    {
                        return reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("aws:codecommit"u8);
                    }

                    if (!reader.Read() || !reader.TrySkip())
                    {
                        return false;
                    }
                }

                return false;
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
