using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Triggers.AppSync;

/// <summary>
/// Recognises a direct Lambda resolver event: a JSON object with top-level <c>info</c> and <c>arguments</c>
/// properties (<c>Invoke</c>), or a JSON array whose first element is one (<c>BatchInvoke</c>). A forward scan that
/// skips values, allocation-free.
/// </summary>
internal sealed class AppSyncResolverClassifier : EventClassifier<AppSyncResolverShape>
{
    public static readonly AppSyncResolverClassifier Instance = new();

    /// <summary>The classifier's answer without the per-invocation cache, for tests.</summary>
    internal AppSyncResolverShape ClassifyPayload(ReadOnlySpan<byte> payload) => Classify(payload);

    protected override AppSyncResolverShape Classify(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read())
            {
                return AppSyncResolverShape.None;
            }

            var shape = AppSyncResolverShape.Single;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                shape = AppSyncResolverShape.Batch;
                if (!reader.Read())
                {
                    return AppSyncResolverShape.None;
                }
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return AppSyncResolverShape.None;
            }

            bool info = false, arguments = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                info |= reader.ValueTextEquals("info"u8);
                arguments |= reader.ValueTextEquals("arguments"u8);
                if (info && arguments)
                {
                    return shape;
                }

                if (!reader.Read() || !reader.TrySkip())
                {
                    return AppSyncResolverShape.None;
                }
            }

            return AppSyncResolverShape.None;
        }
        catch (JsonException)
        {
            return AppSyncResolverShape.None;
        }
    }
}

/// <summary>What a payload is to the resolver adapter.</summary>
internal enum AppSyncResolverShape
{
    /// <summary>Not a resolver event.</summary>
    None,

    /// <summary>One resolver event (<c>Invoke</c>).</summary>
    Single,

    /// <summary>An array of resolver events (<c>BatchInvoke</c>).</summary>
    Batch,
}
