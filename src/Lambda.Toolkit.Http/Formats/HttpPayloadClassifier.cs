using System.Text.Json;
using Lambda.Toolkit.Adapters;

namespace Lambda.Toolkit.Http.Formats;

/// <summary>
/// Tells the HTTP event format from the top-level fields of the payload, without deserializing it;
/// <see cref="HttpPayloadFormat.Auto"/> when it is not an HTTP event.
/// </summary>
internal sealed class HttpPayloadClassifier : EventClassifier<HttpPayloadFormat>
{
    /// <summary>The one instance, so every HTTP adapter of an application shares the answer.</summary>
    public static readonly HttpPayloadClassifier Instance = new();

    protected override HttpPayloadFormat Classify(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        var httpMethod = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return HttpPayloadFormat.Auto;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("rawPath"u8))
                {
                    return HttpPayloadFormat.HttpApiV2;
                }

                if (reader.ValueTextEquals("httpMethod"u8))
                {
                    httpMethod = true;
                }
                else if (reader.ValueTextEquals("requestContext"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        var depth = reader.CurrentDepth;
                        while (reader.Read() && reader.CurrentDepth > depth)
                        {
                            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
                            {
                                if (reader.ValueTextEquals("elb"u8))
                                {
                                    return HttpPayloadFormat.Alb;
                                }

                                if (reader.ValueTextEquals("http"u8))
                                {
                                    return HttpPayloadFormat.HttpApiV2;
                                }

                                reader.Read();
                                reader.Skip();
                            }
                        }
                    }

                    continue;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return HttpPayloadFormat.Auto;
        }

        return httpMethod ? HttpPayloadFormat.RestApiV1 : HttpPayloadFormat.Auto;
    }
}
