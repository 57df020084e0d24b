using System.Text.Json;

namespace Lambda.Toolkit;

/// <summary>
/// Recognises keep-warm pings: scheduled no-op invocations that keep an execution environment warm.
/// A ping is answered with <c>{"warmed":true}</c> before any middleware or handler runs and before the
/// payload is read as a user type.
/// </summary>
public static class WarmupPing
{
    /// <summary>The response to a ping.</summary>
    public static ReadOnlySpan<byte> Response => """{"warmed":true}"""u8;

    /// <summary>
    /// The default predicate: a small JSON object whose top level has <c>"warmer": true</c>,
    /// <c>"source": "serverless-plugin-warmup"</c> or <c>"source": "lambda-toolkit.warmup"</c>.
    /// Anything larger than 1 KB, or not such an object, is a real event.
    /// </summary>
    /// <param name="payload">The raw event.</param>
    /// <returns>Whether the event is a keep-warm ping.</returns>
    public static bool IsDefaultPing(ReadOnlySpan<byte> payload)
    {
        if (payload.Length is 0 or > 1024)
        {
            return false;
        }

        // Every invocation asks: a payload that names neither property (and escapes nothing, so it cannot spell
        // them with escapes) is not a ping, found with vectorized searches instead of a parse.
        if (payload.IndexOf("\"warmer\""u8) < 0 && payload.IndexOf("\"source\""u8) < 0 && !payload.Contains((byte)'\\'))
        {
            return false;
        }

        var reader = new Utf8JsonReader(payload);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("warmer"u8))
                {
                    if (reader.Read() && reader.TokenType == JsonTokenType.True)
                    {
                        return true;
                    }
                }
                else if (reader.ValueTextEquals("source"u8))
                {
                    if (reader.Read() && reader.TokenType == JsonTokenType.String
                        && (reader.ValueTextEquals("serverless-plugin-warmup"u8) || reader.ValueTextEquals("lambda-toolkit.warmup"u8)))
                    {
                        return true;
                    }
                }
                else
                {
                    reader.Read();
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: not a ping; the handler reports what is wrong with it.
        }

        return false;
    }
}
