using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.AmazonMq;

/// <summary>
/// Reads <c>physicalName</c> in any letter case (AWS's samples disagree) and writes it back in the case it came in.
/// Other properties of the destination are skipped. No reflection: the source generator instantiates it directly.
/// </summary>
internal sealed class ActiveMqDestinationConverter : JsonConverter<ActiveMqDestination>
{
    public const string PhysicalName = "physicalName";

    public override ActiveMqDestination? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("The destination must be an object.");
        }

        var destination = new ActiveMqDestination();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (string.Equals(name, PhysicalName, StringComparison.OrdinalIgnoreCase))
            {
                if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                {
                    throw new JsonException($"The destination's {name} must be a string.");
                }

                destination.PhysicalName = reader.GetString();
                destination.WireName = string.Equals(name, PhysicalName, StringComparison.Ordinal) ? PhysicalName : name;
            }
            else
            {
                reader.Skip();
            }
        }

        return destination;
    }

    public override void Write(Utf8JsonWriter writer, ActiveMqDestination value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        if (value.PhysicalName is not null)
        {
            writer.WriteString(value.WireName, value.PhysicalName);
        }

        writer.WriteEndObject();
    }
}
