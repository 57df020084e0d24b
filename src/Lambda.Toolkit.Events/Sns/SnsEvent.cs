using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Sns;

/// <summary>
/// An SNS event (SNS invokes Lambda asynchronously, one record per invocation).
/// </summary>
public sealed class SnsEvent
{
    /// <summary>
    /// The records.
    /// </summary>
    [JsonPropertyName("Records")]
    [JsonRequired]
    public required IList<SnsRecord> Records { get; set; }
}
