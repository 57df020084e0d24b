using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>Writes and reads <see cref="SesDisposition"/> in SES's spelling (net8.0 has no per-member enum names).</summary>
internal sealed class SesDispositionConverter : JsonConverter<SesDisposition>
{
    public override SesDisposition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("CONTINUE"u8))
            {
                return SesDisposition.Continue;
            }

            if (reader.ValueTextEquals("STOP_RULE"u8))
            {
                return SesDisposition.StopRule;
            }

            if (reader.ValueTextEquals("STOP_RULE_SET"u8))
            {
                return SesDisposition.StopRuleSet;
            }
        }

        throw new JsonException("A disposition is CONTINUE, STOP_RULE or STOP_RULE_SET.");
    }

    public override void Write(Utf8JsonWriter writer, SesDisposition value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ToWire(value));

    internal static string ToWire(SesDisposition value) => value switch
    {
        SesDisposition.Continue => "CONTINUE",
        SesDisposition.StopRule => "STOP_RULE",
        SesDisposition.StopRuleSet => "STOP_RULE_SET",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not an SES disposition."),
    };
}
