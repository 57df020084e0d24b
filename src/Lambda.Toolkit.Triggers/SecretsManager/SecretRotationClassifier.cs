using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Triggers.SecretsManager;

/// <summary>
/// Recognises a Secrets Manager rotation request: a JSON object with top-level <c>Step</c>, <c>SecretId</c> and
/// <c>ClientRequestToken</c> properties. A forward scan of the top level that skips values, allocation-free.
/// </summary>
internal sealed class SecretRotationClassifier : EventClassifier<bool>
{
    public static readonly SecretRotationClassifier Instance = new();

    /// <summary>The classifier's answer without the per-invocation cache, for tests.</summary>
    internal bool Recognises(ReadOnlySpan<byte> payload) => Classify(payload);

    protected override bool Classify(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            bool step = false, secretId = false, token = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                step |= reader.ValueTextEquals("Step"u8);
                secretId |= reader.ValueTextEquals("SecretId"u8);
                token |= reader.ValueTextEquals("ClientRequestToken"u8);
                if (step && secretId && token)
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
