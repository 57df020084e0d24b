using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Triggers.CodePipeline;

/// <summary>
/// Recognises a CodePipeline job event: a JSON object with a top-level <c>CodePipeline.job</c> property. A forward
/// scan of the top level that skips values, allocation-free.
/// </summary>
internal sealed class CodePipelineJobClassifier : EventClassifier<bool>
{
    public static readonly CodePipelineJobClassifier Instance = new();

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
                if (reader.ValueTextEquals("CodePipeline.job"u8))
                {
                    return true;
                }

                if (!reader.Read() || !reader.TrySkip())
                {
                    return false;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
