using System.Text.Json.Serialization;

namespace Lambda.Toolkit.Events.Firehose;

/// <summary>The answer to a <see cref="FirehoseEvent"/>: one record per record of the event, by id.</summary>
public sealed class FirehoseResponse
{
    /// <summary>The transformed records.</summary>
    [JsonPropertyName("records")]
    [JsonRequired]
    public required IList<FirehoseResponseRecord> Records { get; set; }
}
