using System.Text.Json;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events;

/// <summary>
/// Reads and writes an enum in the upper snake case several AWS services use on the wire (<c>NON_COMPLIANT</c>,
/// <c>STOP_RULE_SET</c>) from its C# member names; numbers are refused. net8.0 has no per-member enum names, and one
/// naming policy serves every such enum. Source-generated metadata uses it through <c>[JsonConverter]</c>.
/// </summary>
/// <typeparam name="TEnum">The enum.</typeparam>
internal sealed class UpperSnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseUpper, allowIntegerValues: false)
    where TEnum : struct, Enum
{
    /// <summary>The wire spelling of <paramref name="value"/>.</summary>
    public static string ToWire(TEnum value) => JsonNamingPolicy.SnakeCaseUpper.ConvertName(value.ToString());
}
