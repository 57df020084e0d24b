using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>
/// Recognises a CloudFormation custom resource request: a JSON object with top-level <c>RequestType</c> and
/// <c>ResponseURL</c> properties. A forward scan of the top level that skips values without reading them, so it
/// allocates nothing; shared by every custom resource adapter, so the payload is scanned once per invocation.
/// </summary>
internal sealed class CustomResourceClassifier : EventClassifier<bool>
{
    public static readonly CustomResourceClassifier Instance = new();

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

            bool requestType = false, responseUrl = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                requestType |= reader.ValueTextEquals("RequestType"u8);
                responseUrl |= reader.ValueTextEquals("ResponseURL"u8);
                if (requestType && responseUrl)
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
