using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Config;

/// <summary>Writes and reads <see cref="ConfigComplianceType"/> in Config's spelling (net8.0 has no per-member enum names).</summary>
internal sealed class ConfigComplianceTypeConverter : JsonConverter<ConfigComplianceType>
{
    public override ConfigComplianceType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("COMPLIANT"u8))
            {
                return ConfigComplianceType.Compliant;
            }

            if (reader.ValueTextEquals("NON_COMPLIANT"u8))
            {
                return ConfigComplianceType.NonCompliant;
            }

            if (reader.ValueTextEquals("NOT_APPLICABLE"u8))
            {
                return ConfigComplianceType.NotApplicable;
            }

            if (reader.ValueTextEquals("INSUFFICIENT_DATA"u8))
            {
                return ConfigComplianceType.InsufficientData;
            }
        }

        throw new JsonException("A compliance type is COMPLIANT, NON_COMPLIANT, NOT_APPLICABLE or INSUFFICIENT_DATA.");
    }

    public override void Write(Utf8JsonWriter writer, ConfigComplianceType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToWire(value));

    internal static string ToWire(ConfigComplianceType value) => value switch
    {
        ConfigComplianceType.Compliant => "COMPLIANT",
        ConfigComplianceType.NonCompliant => "NON_COMPLIANT",
        ConfigComplianceType.NotApplicable => "NOT_APPLICABLE",
        ConfigComplianceType.InsufficientData => "INSUFFICIENT_DATA",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a Config compliance type."),
    };
}
