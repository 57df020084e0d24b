using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Ses;

/// <summary>One received email of an <see cref="SesEvent"/>.</summary>
public sealed class SesRecord
{
    /// <summary><c>aws:ses</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>The event's version, for example <c>1.0</c>.</summary>
    [JsonPropertyName("eventVersion")]
    public string? EventVersion { get; set; }

    /// <summary>The email and how SES received it.</summary>
    [JsonPropertyName("ses")]
    [JsonRequired]
    public required SesMessage Ses { get; set; }
}
