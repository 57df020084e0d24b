using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Sns;

/// <summary>
/// An SNS message attribute.
/// </summary>
public sealed class SnsMessageAttribute
{
    /// <summary>
    /// String, String.Array, Number or Binary.
    /// </summary>
    [JsonPropertyName("Type")]
    [JsonRequired]
    public required string Type { get; set; }

    /// <summary>
    /// The value (base64 for Binary).
    /// </summary>
    [JsonPropertyName("Value")]
    public string? Value { get; set; }
}
