using System.Globalization;
using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Sqs;

/// <summary>
/// A message attribute of an SQS message. DataType says which value is set: String and Number (and custom types
/// such as Number.int) in StringValue, Binary in BinaryValue (base64).
/// </summary>
public sealed class SqsMessageAttribute
{
    /// <summary>
    /// The value of a String or Number attribute.
    /// </summary>
    [JsonPropertyName("stringValue")]
    public string? StringValue { get; set; }

    /// <summary>
    /// The base64 value of a Binary attribute.
    /// </summary>
    [JsonPropertyName("binaryValue")]
    public string? BinaryValue { get; set; }

    /// <summary>
    /// Reserved by SQS; kept for fidelity.
    /// </summary>
    [JsonPropertyName("stringListValues")]
    public IList<string>? StringListValues { get; set; }

    /// <summary>
    /// Reserved by SQS; kept for fidelity.
    /// </summary>
    [JsonPropertyName("binaryListValues")]
    public IList<string>? BinaryListValues { get; set; }

    /// <summary>
    /// String, Number or Binary, optionally with a custom suffix such as Number.int.
    /// </summary>
    [JsonPropertyName("dataType")]
    [JsonRequired]
    public required string DataType { get; set; }

    /// <summary>The base type named by <see cref="DataType"/>.</summary>
    [JsonIgnore]
    public SqsAttributeKind Kind => DataType switch
    {
        _ when DataType.StartsWith("String", StringComparison.Ordinal) => SqsAttributeKind.String,
        _ when DataType.StartsWith("Number", StringComparison.Ordinal) => SqsAttributeKind.Number,
        _ when DataType.StartsWith("Binary", StringComparison.Ordinal) => SqsAttributeKind.Binary,
        _ => SqsAttributeKind.Unknown,
    };

    /// <summary>The value of a String (or Number) attribute.</summary>
    /// <returns>The text.</returns>
    /// <exception cref="InvalidOperationException">The attribute is Binary or of an unknown type.</exception>
    public string GetString() => Kind is SqsAttributeKind.String or SqsAttributeKind.Number
        ? StringValue ?? string.Empty
        : throw new InvalidOperationException($"The attribute is of type '{DataType}', not String or Number.");

    /// <summary>The value of a Number attribute.</summary>
    /// <returns>The number.</returns>
    /// <exception cref="InvalidOperationException">The attribute is not a Number, or its value is not a number.</exception>
    public decimal GetNumber()
    {
        if (Kind != SqsAttributeKind.Number)
        {
            throw new InvalidOperationException($"The attribute is of type '{DataType}', not Number.");
        }

        return decimal.TryParse(StringValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"The Number attribute's value '{StringValue}' is not a number.");
    }

    /// <summary>The value of a Binary attribute, base64-decoded.</summary>
    /// <returns>The bytes.</returns>
    /// <exception cref="InvalidOperationException">The attribute is not Binary, or its value is not base64.</exception>
    public byte[] GetBinary()
    {
        if (Kind != SqsAttributeKind.Binary)
        {
            throw new InvalidOperationException($"The attribute is of type '{DataType}', not Binary.");
        }

        try
        {
            return BinaryValue is null ? [] : Convert.FromBase64String(BinaryValue);
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException("The Binary attribute's value is not valid base64.", ex);
        }
    }
}
