using System.Text.Json;
using System.Text.Json.Serialization;
using Lambda.Toolkit.Events.Authorizers;

namespace Lambda.Toolkit.Events.Iot;

/// <summary>Reads a policy given as a JSON string or an object; writes it back in the same form.</summary>
internal sealed class IotPolicyDocumentConverter : JsonConverter<IotPolicyDocument>
{
    public override IotPolicyDocument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var type = IotJsonContext.Default.IamPolicyDocument;
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!;
                IamPolicyDocument? parsed;
                try
                {
                    parsed = JsonSerializer.Deserialize(text, type);
                }
                catch (JsonException ex)
                {
                    throw new JsonException($"A policy document string is not a JSON policy: {ex.Message}", ex);
                }

                return new IotPolicyDocument(parsed ?? throw new JsonException("A policy document string is JSON null."), isJsonString: true);
            case JsonTokenType.StartObject:
                return new IotPolicyDocument(JsonSerializer.Deserialize(ref reader, type)!, isJsonString: false);
            default:
                throw new JsonException($"A policy document must be a JSON string or an object, not {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, IotPolicyDocument value, JsonSerializerOptions options)
    {
        var type = IotJsonContext.Default.IamPolicyDocument;
        if (value.IsJsonString)
        {
            writer.WriteStringValue(JsonSerializer.Serialize(value.Document, type));
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Document, type);
        }
    }
}
