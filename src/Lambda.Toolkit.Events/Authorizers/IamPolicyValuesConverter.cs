using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Authorizers;

/// <summary>Reads a policy value written as a string or an array of strings, and writes it back in the same form.</summary>
internal sealed class IamPolicyValuesConverter : JsonConverter<IamPolicyValues>
{
    public override IamPolicyValues Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new IamPolicyValues(reader.GetString()!);
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"A policy Action or Resource must be a string or an array of strings, not {reader.TokenType}.");
        }

        var values = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"A policy Action or Resource list holds strings only, not {reader.TokenType}.");
            }

            values.Add(reader.GetString()!);
        }

        return new IamPolicyValues(values);
    }

    public override void Write(Utf8JsonWriter writer, IamPolicyValues value, JsonSerializerOptions options)
    {
        if (value.IsSingleString)
        {
            writer.WriteStringValue(value[0]);
            return;
        }

        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}
