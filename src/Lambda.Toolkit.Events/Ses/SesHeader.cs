using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>One header of an <see cref="SesMail"/>.</summary>
public sealed class SesHeader
{
    /// <summary>The header's name, for example <c>Subject</c>.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The header's value.</summary>
    [JsonPropertyName("value")]
    public string? Value { get; set; }
}
